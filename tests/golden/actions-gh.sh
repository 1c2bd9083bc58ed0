#!/usr/bin/env bash
# 6 GitHub issue(s) for open action items of the postmortem library
# /LIBRARY, written by `pmtui actions --format gh`.
# Run it in a clone of the repository the issues belong in (or set GH_REPO=owner/name).
# Each new issue's URL is stored on its action item with `pmtui actions link`; after a
# partial run, write the script again: items that have a ticket are left out.
set -u -o pipefail
PMTUI="${PMTUI:-pmtui}"
failed=0
for label in INC-4211 INC-5001 detect document mitigate postmortem prevent; do gh label create "$label" >/dev/null 2>&1 || true; done

# INC-4211 action 4
if url=$(gh issue create --title '[INC-4211] Add database troubleshooting steps to the checkout runbook' --body 'Add database troubleshooting steps to the checkout runbook

Action item 4 of the postmortem INC-4211 (Checkout errors from database connection pool exhaustion), 2025-01-15.
Postmortem: 2025-01-15-checkout.toml
Owner: Tom Okafor
Due: 2025-01-30
Priority: P2
Type: Document
Addresses: F4 Runbook outdated

Close it with how the fix was verified (the guide: close completed items with verification).' --label postmortem --label INC-4211 --label document); then
  "$PMTUI" actions link /LIBRARY/2025-01-15-checkout.toml 4 "$url" || failed=1
else
  echo 'not created: [INC-4211] Add database troubleshooting steps to the checkout runbook' >&2; failed=1
fi

# INC-4211 action 3
if url=$(gh issue create --title '[INC-4211] Add a connection pool utilisation alert at 70%' --body 'Add a connection pool utilisation alert at 70%

Action item 3 of the postmortem INC-4211 (Checkout errors from database connection pool exhaustion), 2025-01-15.
Postmortem: 2025-01-15-checkout.toml
Owner: Ana Silva
Due: 2025-02-01
Priority: P2
Type: Detect
Addresses: F3 Insufficient connection pool monitoring

Close it with how the fix was verified (the guide: close completed items with verification).' --label postmortem --label INC-4211 --label detect); then
  "$PMTUI" actions link /LIBRARY/2025-01-15-checkout.toml 3 "$url" || failed=1
else
  echo 'not created: [INC-4211] Add a connection pool utilisation alert at 70%' >&2; failed=1
fi

# INC-4211 action 5
if url=$(gh issue create --title '[INC-4211] Automate the checkout rollback procedure in the pipeline' --body 'Automate the checkout rollback procedure in the pipeline

Action item 5 of the postmortem INC-4211 (Checkout errors from database connection pool exhaustion), 2025-01-15.
Postmortem: 2025-01-15-checkout.toml
Owner: Ana Silva
Due: 2025-02-14
Priority: P3
Type: Mitigate
Addresses: F1 Missing migration check

Close it with how the fix was verified (the guide: close completed items with verification).' --label postmortem --label INC-4211 --label mitigate); then
  "$PMTUI" actions link /LIBRARY/2025-01-15-checkout.toml 5 "$url" || failed=1
else
  echo 'not created: [INC-4211] Automate the checkout rollback procedure in the pipeline' >&2; failed=1
fi

# INC-5001 action 1
if url=$(gh issue create --title '[INC-5001] Schedule reindexing outside peak hours' --body 'Schedule reindexing outside peak hours

Action item 1 of the postmortem INC-5001 (Search timeouts during the reindex), 2025-02-20.
Postmortem: 2025-02-20-search.toml
Owner: @dana
Due: 2025-03-05
Priority: P2
Type: Prevent
Addresses: F1 The reindex ran at peak traffic

Close it with how the fix was verified (the guide: close completed items with verification).' --label postmortem --label INC-5001 --label prevent --assignee dana); then
  "$PMTUI" actions link /LIBRARY/2025-02-20-search.toml 1 "$url" || failed=1
else
  echo 'not created: [INC-5001] Schedule reindexing outside peak hours' >&2; failed=1
fi

# INC-5001 action 2
if url=$(gh issue create --title '[INC-5001] Alert when search p99 > 2s, "for 5 minutes"' --body 'Alert when search p99 > 2s, "for 5 minutes"

Action item 2 of the postmortem INC-5001 (Search timeouts during the reindex), 2025-02-20.
Postmortem: 2025-02-20-search.toml
Owner: Tom Okafor
Due: 2025-03-12
Type: Detect
Addresses: F1 The reindex ran at peak traffic

Close it with how the fix was verified (the guide: close completed items with verification).' --label postmortem --label INC-5001 --label detect); then
  "$PMTUI" actions link /LIBRARY/2025-02-20-search.toml 2 "$url" || failed=1
else
  echo 'not created: [INC-5001] Alert when search p99 > 2s, "for 5 minutes"' >&2; failed=1
fi

# INC-5001 action 3
if url=$(gh issue create --title '[INC-5001] =HYPERLINK("x") as a title' --body '=HYPERLINK("x") as a title

Action item 3 of the postmortem INC-5001 (Search timeouts during the reindex), 2025-02-20.
Postmortem: 2025-02-20-search.toml
Owner: Ana Silva
Due: 2025-04-01

Close it with how the fix was verified (the guide: close completed items with verification).' --label postmortem --label INC-5001); then
  "$PMTUI" actions link /LIBRARY/2025-02-20-search.toml 3 "$url" || failed=1
else
  echo 'not created: [INC-5001] =HYPERLINK("x") as a title' >&2; failed=1
fi

exit "$failed"
