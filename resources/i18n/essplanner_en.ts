<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AccountEditor</name>
    <message>
        <source>No network in particular</source>
        <translation>No network in particular</translation>
    </message>
    <message>
        <source>e.g. Bluesky of the association</source>
        <translation>e.g. Bluesky of the association</translation>
    </message>
    <message>
        <source>Log in with the &amp;browser…</source>
        <translation>Log in with the &amp;browser…</translation>
    </message>
    <message>
        <source>&amp;Platform</source>
        <translation>&amp;Platform</translation>
    </message>
    <message>
        <source>&amp;Imitates</source>
        <translation>&amp;Imitates</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>Reconnect %1</source>
        <translation>Reconnect %1</translation>
    </message>
    <message>
        <source>Connect an account</source>
        <translation>Connect an account</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>(optional)</source>
        <translation>(optional)</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Client id</translation>
    </message>
    <message>
        <source>(kept: type to replace)</source>
        <translation>(kept: type to replace)</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Client secret</translation>
    </message>
    <message>
        <source>Waiting for the authorisation in the browser…</source>
        <translation>Waiting for the authorisation in the browser…</translation>
    </message>
    <message>
        <source>No place to publish was chosen: log in again to choose one.</source>
        <translation>No place to publish was chosen: log in again to choose one.</translation>
    </message>
    <message>
        <source>(received from the browser)</source>
        <translation>(received from the browser)</translation>
    </message>
    <message>
        <source>Authorised as %1. Click OK to save.</source>
        <translation>Authorised as %1. Click OK to save.</translation>
    </message>
    <message>
        <source>The browser login did not succeed</source>
        <translation>The browser login did not succeed</translation>
    </message>
    <message>
        <source>Open this address in your browser: %1</source>
        <translation>Open this address in your browser: %1</translation>
    </message>
    <message>
        <source>Where to publish</source>
        <translation>Where to publish</translation>
    </message>
    <message>
        <source>This login can publish in several places. Where should the posts of this account go?</source>
        <translation>This login can publish in several places. Where should the posts of this account go?</translation>
    </message>
    <message>
        <source>Logging in to %1…</source>
        <translation>Logging in to %1…</translation>
    </message>
    <message>
        <source>The login was refused: %1 Correct it and try again.</source>
        <translation>The login was refused: %1 Correct it and try again.</translation>
    </message>
    <message>
        <source>The account was not added.</source>
        <translation>The account was not added.</translation>
    </message>
    <message>
        <source>The account was not added</source>
        <translation>The account was not added</translation>
    </message>
</context>
<context>
    <name>AccountPage</name>
    <message>
        <source>A first account</source>
        <translation>A first account</translation>
    </message>
    <message>
        <source>Where posts go out. A test account lets you try everything first: it publishes nothing.</source>
        <translation>Where posts go out. A test account lets you try everything first: it publishes nothing.</translation>
    </message>
    <message>
        <source>A &amp;test account that publishes nothing</source>
        <translation>A &amp;test account that publishes nothing</translation>
    </message>
    <message>
        <source>A &amp;real account</source>
        <translation>A &amp;real account</translation>
    </message>
    <message>
        <source>&amp;Connect the account…</source>
        <translation>&amp;Connect the account…</translation>
    </message>
    <message>
        <source>&amp;Imitates:</source>
        <translation>&amp;Imitates:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Posts are checked with the rules of the chosen network (length, images…) and recorded instead of sent.</source>
        <translation>Posts are checked with the rules of the chosen network (length, images…) and recorded instead of sent.</translation>
    </message>
    <message>
        <source>&amp;Platform:</source>
        <translation>&amp;Platform:</translation>
    </message>
    <message>
        <source>%1 (test)</source>
        <translation>%1 (test)</translation>
    </message>
    <message>
        <source>Connecting an account: Tools › Accounts… › Add…, then follow what the form asks for this platform.</source>
        <translation>Connecting an account: Tools › Accounts… › Add…, then follow what the form asks for this platform.</translation>
    </message>
    <message>
        <source>Connecting %1…</source>
        <translation>Connecting %1…</translation>
    </message>
    <message>
        <source>%1 is connected.</source>
        <translation>%1 is connected.</translation>
    </message>
    <message>
        <source>%1 was added but not confirmed: %2</source>
        <translation>%1 was added but not confirmed: %2</translation>
    </message>
    <message>
        <source>The account was not added</source>
        <translation>The account was not added</translation>
    </message>
    <message>
        <source>The test account needs a name.</source>
        <translation>The test account needs a name.</translation>
    </message>
    <message>
        <source>An account named %1 already exists.</source>
        <translation>An account named %1 already exists.</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <source>Accounts</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Add…</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>&amp;Check</translation>
    </message>
    <message>
        <source>&amp;Reconnect…</source>
        <translation>&amp;Reconnect…</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>Re&amp;move…</translation>
    </message>
    <message>
        <source>&amp;Handover…</source>
        <translation>&amp;Handover…</translation>
    </message>
    <message>
        <source>Who connected the account, whose login it is, the backup administrators and where the recovery codes are kept</source>
        <translation>Who connected the account, whose login it is, the backup administrators and where the recovery codes are kept</translation>
    </message>
    <message>
        <source>Handover check&amp;list…</source>
        <translation>Handover check&amp;list…</translation>
    </message>
    <message>
        <source>A PDF of what a departing volunteer must hand over</source>
        <translation>A PDF of what a departing volunteer must hand over</translation>
    </message>
    <message>
        <source>No accounts connected yet</source>
        <translation>No accounts connected yet</translation>
    </message>
    <message>
        <source>An account is a page or profile of the association on a network (Facebook, Mastodon, Bluesky…) where planned posts go out at their time. Connect one with the help of its platform guide; or choose “Dry run” to try everything with a test account that publishes nothing.</source>
        <translation>An account is a page or profile of the association on a network (Facebook, Mastodon, Bluesky…) where planned posts go out at their time. Connect one with the help of its platform guide; or choose “Dry run” to try everything with a test account that publishes nothing.</translation>
    </message>
    <message>
        <source>Connect an account</source>
        <translation>Connect an account</translation>
    </message>
    <message>
        <source>Handover checklist saved to %1.</source>
        <translation>Handover checklist saved to %1.</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>Checking %1…</translation>
    </message>
    <message>
        <source>The account could not be checked</source>
        <translation>The account could not be checked</translation>
    </message>
    <message>
        <source>The account was not reconnected</source>
        <translation>The account was not reconnected</translation>
    </message>
    <message>
        <source>Remove the account</source>
        <translation>Remove the account</translation>
    </message>
    <message>
        <source>Remove the account %1? Its secrets are deleted from the keyring, and posts planned on it will no longer go out there.</source>
        <translation>Remove the account %1? Its secrets are deleted from the keyring, and posts planned on it will no longer go out there.</translation>
    </message>
    <message>
        <source>%1 was removed and its secrets deleted.</source>
        <translation>%1 was removed and its secrets deleted.</translation>
    </message>
    <message>
        <source>The account was not removed</source>
        <translation>The account was not removed</translation>
    </message>
    <message>
        <source>%1 was added.</source>
        <translation>%1 was added.</translation>
    </message>
    <message>
        <source>%1: connected as %2.</source>
        <translation>%1: connected as %2.</translation>
    </message>
    <message>
        <source>%1: the credentials were refused. %2</source>
        <translation>%1: the credentials were refused. %2</translation>
    </message>
    <message>
        <source>%1 cannot be checked now: %2</source>
        <translation>%1 cannot be checked now: %2</translation>
    </message>
</context>
<context>
    <name>AccountsModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>Handle</source>
        <translation>Handle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Reconnect needed</source>
        <translation>Reconnect needed</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connected</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>Not checked yet</translation>
    </message>
</context>
<context>
    <name>AgendaDelegate</name>
    <message>
        <source>%1 (today)</source>
        <translation>%1 (today)</translation>
    </message>
</context>
<context>
    <name>AgendaModel</name>
    <message>
        <source>No date yet</source>
        <translation>No date yet</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n post(s)</source>
        <translation>
            <numerusform>%1: %n post</numerusform>
            <numerusform>%1: %n posts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssociationPage</name>
    <message>
        <source>Your association</source>
        <translation>Your association</translation>
    </message>
    <message>
        <source>Its name and logo appear in reports; the time zone is the one posts are planned in.</source>
        <translation>Its name and logo appear in reports; the time zone is the one posts are planned in.</translation>
    </message>
    <message>
        <source>e.g. Énergie Solidaire</source>
        <translation>e.g. Énergie Solidaire</translation>
    </message>
    <message>
        <source>An image file (PNG, JPEG, SVG…)</source>
        <translation>An image file (PNG, JPEG, SVG…)</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <source>&amp;Logo:</source>
        <translation>&amp;Logo:</translation>
    </message>
    <message>
        <source>&amp;Name of the association:</source>
        <translation>&amp;Name of the association:</translation>
    </message>
    <message>
        <source>La&amp;nguage:</source>
        <translation>La&amp;nguage:</translation>
    </message>
    <message>
        <source>A new language applies at the next start.</source>
        <translation>A new language applies at the next start.</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>&amp;Time zone:</translation>
    </message>
    <message>
        <source>Type to search, e.g. “Paris” or “Montreal”.</source>
        <translation>Type to search, e.g. “Paris” or “Montreal”.</translation>
    </message>
    <message>
        <source>You</source>
        <translation>You</translation>
    </message>
    <message>
        <source>Your teammates see your name on the posts you write, submit, approve or comment.</source>
        <translation>Your teammates see your name on the posts you write, submit, approve or comment.</translation>
    </message>
    <message>
        <source>The association&apos;s logo</source>
        <translation>The association&apos;s logo</translation>
    </message>
    <message>
        <source>Images (%1)</source>
        <translation>Images (%1)</translation>
    </message>
    <message>
        <source>The logo %1 is not an image this app can read.</source>
        <translation>The logo %1 is not an image this app can read.</translation>
    </message>
</context>
<context>
    <name>AttentionModel</name>
    <message>
        <source>Post</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Planned for</source>
        <translation>Planned for</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>The account %1 must be reconnected before this post can go out.</source>
        <translation>The account %1 must be reconnected before this post can go out.</translation>
    </message>
    <message>
        <source>The account %1 is disabled: nothing goes out there.</source>
        <translation>The account %1 is disabled: nothing goes out there.</translation>
    </message>
    <message>
        <source>The network refuses every post of %1 until you act on its side; then choose &quot;%2&quot;.</source>
        <translation>The network refuses every post of %1 until you act on its side; then choose &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>The team&apos;s rule: it goes out at its time only once an approver has approved it.</source>
        <translation>The team&apos;s rule: it goes out at its time only once an approver has approved it.</translation>
    </message>
    <message>
        <source>It was due while no publishing service was running.</source>
        <translation>It was due while no publishing service was running.</translation>
    </message>
    <message>
        <source>The network did not answer: the post may or may not be online.</source>
        <translation>The network did not answer: the post may or may not be online.</translation>
    </message>
</context>
<context>
    <name>AttentionPanel</name>
    <message>
        <source>Nothing needs your attention.</source>
        <translation>Nothing needs your attention.</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Retry</translation>
    </message>
    <message>
        <source>&amp;Mark as published</source>
        <translation>&amp;Mark as published</translation>
    </message>
    <message>
        <source>Re&amp;schedule…</source>
        <translation>Re&amp;schedule…</translation>
    </message>
    <message>
        <source>&amp;Cancel the post</source>
        <translation>&amp;Cancel the post</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <source>Send again?</source>
        <translation>Send again?</translation>
    </message>
    <message>
        <source>%1 may already be online on %2: the network did not confirm it. Check the account first. Send it again anyway?</source>
        <translation>%1 may already be online on %2: the network did not confirm it. Check the account first. Send it again anyway?</translation>
    </message>
    <message>
        <source>Reschedule</source>
        <translation>Reschedule</translation>
    </message>
    <message>
        <source>When should %1 go out on %2?</source>
        <translation>When should %1 go out on %2?</translation>
    </message>
    <message>
        <source>Cancel the post?</source>
        <translation>Cancel the post?</translation>
    </message>
    <message>
        <source>Cancel %1 on every account where it has not gone out yet?</source>
        <translation>Cancel %1 on every account where it has not gone out yet?</translation>
    </message>
</context>
<context>
    <name>AwarenessDialog</name>
    <message>
        <source>Awareness days</source>
        <translation>Awareness days</translation>
    </message>
    <message>
        <source>&amp;Load the list of ESS Planner</source>
        <translation>&amp;Load the list of ESS Planner</translation>
    </message>
    <message>
        <source>International and French days about poverty, volunteering, disability, environment, food waste…; loading it again adds only what is new</source>
        <translation>International and French days about poverty, volunteering, disability, environment, food waste…; loading it again adds only what is new</translation>
    </message>
    <message>
        <source>Import a &amp;file (.ics)…</source>
        <translation>Import a &amp;file (.ics)…</translation>
    </message>
    <message>
        <source>Import from an &amp;address…</source>
        <translation>Import from an &amp;address…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <source> months</source>
        <translation> months</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>For personas</source>
        <translation>For personas</translation>
    </message>
    <message>
        <source>For objectives</source>
        <translation>For objectives</translation>
    </message>
    <message>
        <source>No awareness day in these months. Load the list of ESS Planner, or import a calendar of days (.ics).</source>
        <translation>No awareness day in these months. Load the list of ESS Planner, or import a calendar of days (.ics).</translation>
    </message>
    <message>
        <source>Days of the coming</source>
        <translation>Days of the coming</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) added</source>
        <translation>
            <numerusform>%n day added</numerusform>
            <numerusform>%n days added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated</source>
        <translation>
            <numerusform>%n updated</numerusform>
            <numerusform>%n updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already there</source>
        <translation>
            <numerusform>%n already there</numerusform>
            <numerusform>%n already there</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n timed event(s) left out</source>
        <translation>
            <numerusform>%n timed event left out</numerusform>
            <numerusform>%n timed events left out</numerusform>
        </translation>
    </message>
    <message>
        <source>Import awareness days</source>
        <translation>Import awareness days</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics);;All files (*)</source>
        <translation>iCalendar files (*.ics);;All files (*)</translation>
    </message>
    <message>
        <source>Address of an iCalendar file (https://…):</source>
        <translation>Address of an iCalendar file (https://…):</translation>
    </message>
    <message>
        <source>Write an address starting with https://.</source>
        <translation>Write an address starting with https://.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Reading %1…</translation>
    </message>
    <message>
        <source>Remove the awareness day “%1”</source>
        <translation>Remove the awareness day “%1”</translation>
    </message>
    <message>
        <source>“%1” removed (Edit › Undo puts it back).</source>
        <translation>“%1” removed (Edit › Undo puts it back).</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>&amp;Backups</source>
        <translation>&amp;Backups</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>&amp;Restore a backup…</translation>
    </message>
    <message>
        <source>&amp;Export the workspace…</source>
        <translation>&amp;Export the workspace…</translation>
    </message>
    <message>
        <source>&amp;Import a workspace…</source>
        <translation>&amp;Import a workspace…</translation>
    </message>
    <message>
        <source>Backup made: %1</source>
        <translation>Backup made: %1</translation>
    </message>
    <message>
        <source>The automatic backup failed: %1</source>
        <translation>The automatic backup failed: %1</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <source>ESS Planner backups (*.zip);;All files (*)</source>
        <translation>ESS Planner backups (*.zip);;All files (*)</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>The current workspace will be replaced by this backup. It is saved first, as a safety backup you can restore in turn.</source>
        <translation>The current workspace will be replaced by this backup. It is saved first, as a safety backup you can restore in turn.</translation>
    </message>
    <message>
        <source>Backup of %1 restored.</source>
        <translation>Backup of %1 restored.</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Restoring…</translation>
    </message>
    <message>
        <source>Export the workspace</source>
        <translation>Export the workspace</translation>
    </message>
    <message>
        <source>ESS Planner workspaces (*.zip)</source>
        <translation>ESS Planner workspaces (*.zip)</translation>
    </message>
    <message>
        <source>The workspace is exported to %1. Secrets are not in it: on the other computer, connect the accounts again.</source>
        <translation>The workspace is exported to %1. Secrets are not in it: on the other computer, connect the accounts again.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>Import a workspace</source>
        <translation>Import a workspace</translation>
    </message>
    <message>
        <source>ESS Planner workspaces (*.zip);;All files (*)</source>
        <translation>ESS Planner workspaces (*.zip);;All files (*)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>The accounts will be marked to reconnect: their secrets stay in the other computer&apos;s keyring.</source>
        <translation>The accounts will be marked to reconnect: their secrets stay in the other computer&apos;s keyring.</translation>
    </message>
    <message>
        <source>This data folder already holds a workspace (%1 posts, %2 accounts). Replace it with the imported one? It is saved first, as a safety backup.</source>
        <translation>This data folder already holds a workspace (%1 posts, %2 accounts). Replace it with the imported one? It is saved first, as a safety backup.</translation>
    </message>
    <message>
        <source>The workspace is imported. Connect its accounts again (Tools › Accounts).</source>
        <translation>The workspace is imported. Connect its accounts again (Tools › Accounts).</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importing…</translation>
    </message>
</context>
<context>
    <name>Banners</name>
    <message>
        <source>No posts yet. Load the example workspace to see how an association plans a month.</source>
        <translation>No posts yet. Load the example workspace to see how an association plans a month.</translation>
    </message>
    <message>
        <source>Load the example workspace</source>
        <translation>Load the example workspace</translation>
    </message>
    <message>
        <source>&amp;Clear the filters</source>
        <translation>&amp;Clear the filters</translation>
    </message>
    <message>
        <source>&amp;Reopen them</source>
        <translation>&amp;Reopen them</translation>
    </message>
    <message>
        <source>&amp;Discard them</source>
        <translation>&amp;Discard them</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n post(s) need attention</source>
        <translation>
            <numerusform>⚠ %n post needs attention</numerusform>
            <numerusform>⚠ %n posts need attention</numerusform>
        </translation>
    </message>
    <message>
        <source>Needs attention (%1)</source>
        <translation>Needs attention (%1)</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <source>No post of this period matches the filters.</source>
        <translation>No post of this period matches the filters.</translation>
    </message>
    <message numerus="yes">
        <source>The search finds %n post(s) at other dates: see Search results.</source>
        <translation>
            <numerusform>The search finds %n post at other dates: see Search results.</numerusform>
            <numerusform>The search finds %n posts at other dates: see Search results.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s) typed before ESS Planner closed unexpectedly were kept.</source>
        <translation>
            <numerusform>%n draft typed before ESS Planner closed unexpectedly was kept.</numerusform>
            <numerusform>%n drafts typed before ESS Planner closed unexpectedly were kept.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BestPostsModel</name>
    <message>
        <source>Post</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Published</translation>
    </message>
    <message>
        <source>Networks</source>
        <translation>Networks</translation>
    </message>
    <message>
        <source>Personas</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Objectives</source>
        <translation>Objectives</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>Interactions</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Views</translation>
    </message>
</context>
<context>
    <name>CampaignCombo</name>
    <message>
        <source>Campaign</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>The campaign this post belongs to (Tools › Events and campaigns)</source>
        <translation>The campaign this post belongs to (Tools › Events and campaigns)</translation>
    </message>
    <message>
        <source>(no campaign)</source>
        <translation>(no campaign)</translation>
    </message>
</context>
<context>
    <name>CampaignForm</name>
    <message>
        <source>New campaign</source>
        <translation>New campaign</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>Winter collection…</source>
        <translation>Winter collection…</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatic</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>C&amp;hoose…</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <source>Co&amp;lour:</source>
        <translation>Co&amp;lour:</translation>
    </message>
    <message>
        <source>&amp;Objective:</source>
        <translation>&amp;Objective:</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>N&amp;otes:</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>Export as PNG…</source>
        <translation>Export as PNG…</translation>
    </message>
    <message>
        <source>Export the chart</source>
        <translation>Export the chart</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <source>The image could not be saved to %1.</source>
        <translation>The image could not be saved to %1.</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>Reached</source>
        <translation>Reached</translation>
    </message>
    <message>
        <source>On track</source>
        <translation>On track</translation>
    </message>
    <message>
        <source>Behind</source>
        <translation>Behind</translation>
    </message>
    <message>
        <source>Not reached</source>
        <translation>Not reached</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>No target</source>
        <translation>No target</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>Interactions</translation>
    </message>
    <message>
        <source>Web visits</source>
        <translation>Web visits</translation>
    </message>
</context>
<context>
    <name>Chip</name>
    <message>
        <source>Campaign: %1</source>
        <translation>Campaign: %1</translation>
    </message>
</context>
<context>
    <name>CommentDialog</name>
    <message>
        <source>What should change, and why (type @ to name a teammate)</source>
        <translation>What should change, and why (type @ to name a teammate)</translation>
    </message>
    <message>
        <source>A comment for the team (optional; type @ to name a teammate)</source>
        <translation>A comment for the team (optional; type @ to name a teammate)</translation>
    </message>
</context>
<context>
    <name>Conflict</name>
    <message>
        <source>no date</source>
        <translation>no date</translation>
    </message>
    <message>
        <source>publish automatically</source>
        <translation>publish automatically</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Call to action</source>
        <translation>Call to action</translation>
    </message>
    <message>
        <source>Hashtags</source>
        <translation>Hashtags</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>Personas</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Objectives</source>
        <translation>Objectives</translation>
    </message>
    <message>
        <source>Images and videos</source>
        <translation>Images and videos</translation>
    </message>
    <message>
        <source>Text for %1</source>
        <translation>Text for %1</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Changed elsewhere</source>
        <translation>Changed elsewhere</translation>
    </message>
    <message>
        <source>Someone else saved this post while you were editing it. Here are their version and yours; nothing is lost until you choose.</source>
        <translation>Someone else saved this post while you were editing it. Here are their version and yours; nothing is lost until you choose.</translation>
    </message>
    <message>
        <source>Someone else saved this post at %1 while you were editing it. Here are their version and yours; nothing is lost until you choose.</source>
        <translation>Someone else saved this post at %1 while you were editing it. Here are their version and yours; nothing is lost until you choose.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Their version</source>
        <translation>Their version</translation>
    </message>
    <message>
        <source>Your version</source>
        <translation>Your version</translation>
    </message>
    <message>
        <source>&amp;Keep mine</source>
        <translation>&amp;Keep mine</translation>
    </message>
    <message>
        <source>&amp;Take theirs</source>
        <translation>&amp;Take theirs</translation>
    </message>
    <message>
        <source>&amp;Copy mine to a new post</source>
        <translation>&amp;Copy mine to a new post</translation>
    </message>
    <message>
        <source>Keep &amp;editing</source>
        <translation>Keep &amp;editing</translation>
    </message>
    <message>
        <source>Save your version over theirs.</source>
        <translation>Save your version over theirs.</translation>
    </message>
    <message>
        <source>Show their version in the editor; your changes are dropped.</source>
        <translation>Show their version in the editor; your changes are dropped.</translation>
    </message>
    <message>
        <source>Leave their version as it is and make your version a new post (a draft, not scheduled).</source>
        <translation>Leave their version as it is and make your version a new post (a draft, not scheduled).</translation>
    </message>
</context>
<context>
    <name>ConsentForm</name>
    <message>
        <source>Consent of %1</source>
        <translation>Consent of %1</translation>
    </message>
    <message>
        <source>All &amp;social networks</source>
        <translation>All &amp;social networks</translation>
    </message>
    <message>
        <source>Networks</source>
        <translation>Networks</translation>
    </message>
    <message>
        <source>The association&apos;s &amp;website</source>
        <translation>The association&apos;s &amp;website</translation>
    </message>
    <message>
        <source>&amp;Print (flyers, posters, newsletter)</source>
        <translation>&amp;Print (flyers, posters, newsletter)</translation>
    </message>
    <message>
        <source>No end date</source>
        <translation>No end date</translation>
    </message>
    <message>
        <source>Signed by the legal &amp;guardian</source>
        <translation>Signed by the legal &amp;guardian</translation>
    </message>
    <message>
        <source>No signed form attached</source>
        <translation>No signed form attached</translation>
    </message>
    <message>
        <source>A&amp;ttach the signed form…</source>
        <translation>A&amp;ttach the signed form…</translation>
    </message>
    <message>
        <source>Networks:</source>
        <translation>Networks:</translation>
    </message>
    <message>
        <source>Also:</source>
        <translation>Also:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <source>&amp;Until:</source>
        <translation>&amp;Until:</translation>
    </message>
    <message>
        <source>Signed form:</source>
        <translation>Signed form:</translation>
    </message>
    <message>
        <source>Signed form</source>
        <translation>Signed form</translation>
    </message>
    <message>
        <source>Scans and PDF (*.pdf *.jpg *.jpeg *.png)</source>
        <translation>Scans and PDF (*.pdf *.jpg *.jpeg *.png)</translation>
    </message>
</context>
<context>
    <name>ConsentModel</name>
    <message>
        <source>Where</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Until</translation>
    </message>
    <message>
        <source>Signed form</source>
        <translation>Signed form</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>ConsentRegister</name>
    <message>
        <source>Image rights</source>
        <translation>Image rights</translation>
    </message>
    <message>
        <source>Search a name…</source>
        <translation>Search a name…</translation>
    </message>
    <message>
        <source>Search the register</source>
        <translation>Search the register</translation>
    </message>
    <message>
        <source>&amp;Add a person…</source>
        <translation>&amp;Add a person…</translation>
    </message>
    <message>
        <source>People</source>
        <translation>People</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Consents</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>What was done and when: the register keeps it as proof</source>
        <translation>What was done and when: the register keeps it as proof</translation>
    </message>
    <message>
        <source>Add a &amp;consent…</source>
        <translation>Add a &amp;consent…</translation>
    </message>
    <message>
        <source>&amp;Withdraw…</source>
        <translation>&amp;Withdraw…</translation>
    </message>
    <message>
        <source>&amp;Open the signed form</source>
        <translation>&amp;Open the signed form</translation>
    </message>
    <message>
        <source>Consent &amp;form (PDF)…</source>
        <translation>Consent &amp;form (PDF)…</translation>
    </message>
    <message>
        <source>The form to print and sign, in French and English, filled with this person&apos;s name</source>
        <translation>The form to print and sign, in French and English, filled with this person&apos;s name</translation>
    </message>
    <message>
        <source>E&amp;xport the data…</source>
        <translation>E&amp;xport the data…</translation>
    </message>
    <message>
        <source>Everything the register holds about this person, in a JSON file (right of access)</source>
        <translation>Everything the register holds about this person, in a JSON file (right of access)</translation>
    </message>
    <message>
        <source>E&amp;rase…</source>
        <translation>E&amp;rase…</translation>
    </message>
    <message>
        <source>Delete this person&apos;s data (right to erasure); the record of consents stays</source>
        <translation>Delete this person&apos;s data (right to erasure); the record of consents stays</translation>
    </message>
    <message>
        <source>No one in the register yet</source>
        <translation>No one in the register yet</translation>
    </message>
    <message>
        <source>A photo of a person is personal data: record here the people who may appear in the association&apos;s photos, and their consent (where the images may be used, until when, the signed form). The editor then checks each photo before it is published.</source>
        <translation>A photo of a person is personal data: record here the people who may appear in the association&apos;s photos, and their consent (where the images may be used, until when, the signed form). The editor then checks each photo before it is published.</translation>
    </message>
    <message>
        <source>Add a person…</source>
        <translation>Add a person…</translation>
    </message>
    <message>
        <source>Nobody matches “%1”.</source>
        <translation>Nobody matches “%1”.</translation>
    </message>
    <message>
        <source>Minor; legal guardian: %1</source>
        <translation>Minor; legal guardian: %1</translation>
    </message>
    <message>
        <source>not said</source>
        <translation>not said</translation>
    </message>
    <message>
        <source>A&amp;ttach the signed form…</source>
        <translation>A&amp;ttach the signed form…</translation>
    </message>
    <message>
        <source>Change “%1” in the image rights</source>
        <translation>Change “%1” in the image rights</translation>
    </message>
    <message>
        <source>Export the data of %1</source>
        <translation>Export the data of %1</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Export the data</source>
        <translation>Export the data</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>The file could not be written: %1</translation>
    </message>
    <message>
        <source>The data of %1 is in %2.</source>
        <translation>The data of %1 is in %2.</translation>
    </message>
    <message>
        <source>Erase %1?</source>
        <translation>Erase %1?</translation>
    </message>
    <message>
        <source>Erase %1 from the register? Their name, contact, notes and signed forms are deleted for good; the photos that show them stay blocked. The record of consents given and withdrawn stays, without their name, as the law requires. This cannot be undone.</source>
        <translation>Erase %1 from the register? Their name, contact, notes and signed forms are deleted for good; the photos that show them stay blocked. The record of consents given and withdrawn stays, without their name, as the law requires. This cannot be undone.</translation>
    </message>
    <message>
        <source>Signed form</source>
        <translation>Signed form</translation>
    </message>
    <message>
        <source>Scans and PDF (*.pdf *.jpg *.jpeg *.png)</source>
        <translation>Scans and PDF (*.pdf *.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>consent form %1.pdf</source>
        <translation>consent form %1.pdf</translation>
    </message>
    <message>
        <source>Consent form</source>
        <translation>Consent form</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>Consents</name>
    <message>
        <source>All social networks</source>
        <extracomment>a consent that ends within this time is said to end soon (the board report&apos;s 60 days)</extracomment>
        <translation>All social networks</translation>
    </message>
    <message>
        <source>website</source>
        <translation>website</translation>
    </message>
    <message>
        <source>print</source>
        <translation>print</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nothing</translation>
    </message>
    <message>
        <source>Withdrawn on %1</source>
        <translation>Withdrawn on %1</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>Not valid yet</source>
        <translation>Not valid yet</translation>
    </message>
    <message>
        <source>The guardian has not signed</source>
        <translation>The guardian has not signed</translation>
    </message>
    <message>
        <source>Erased</source>
        <translation>Erased</translation>
    </message>
    <message>
        <source>Consent, no end date</source>
        <translation>Consent, no end date</translation>
    </message>
    <message>
        <source>Consent until %1, ends soon</source>
        <translation>Consent until %1, ends soon</translation>
    </message>
    <message>
        <source>Consent until %1</source>
        <translation>Consent until %1</translation>
    </message>
    <message>
        <source>No consent</source>
        <translation>No consent</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no end date</source>
        <translation>no end date</translation>
    </message>
    <message>
        <source>attached</source>
        <translation>attached</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Valid</translation>
    </message>
    <message>
        <source>Blocked: it will not be published</source>
        <translation>Blocked: it will not be published</translation>
    </message>
    <message>
        <source>Online: delete it from here, or on the network</source>
        <translation>Online: delete it from here, or on the network</translation>
    </message>
    <message>
        <source>Online: delete it on the network (double-click opens it)</source>
        <translation>Online: delete it on the network (double-click opens it)</translation>
    </message>
    <message>
        <source>Online: delete it on the network</source>
        <translation>Online: delete it on the network</translation>
    </message>
    <message>
        <source>Added to the register</source>
        <translation>Added to the register</translation>
    </message>
    <message>
        <source>Details changed</source>
        <translation>Details changed</translation>
    </message>
    <message>
        <source>Consent recorded</source>
        <translation>Consent recorded</translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation>Consent withdrawn</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>Data exported</source>
        <translation>Data exported</translation>
    </message>
    <message>
        <source>Data erased</source>
        <translation>Data erased</translation>
    </message>
    <message>
        <source>Post deleted</source>
        <translation>Post deleted</translation>
    </message>
</context>
<context>
    <name>CoverageModel</name>
    <message>
        <source>Total</source>
        <extracomment>the role of a gap row holding its :class:`Gap` (None for a channel misfit)</extracomment>
        <translation>Total</translation>
    </message>
    <message>
        <source>Week of %1</source>
        <translation>Week of %1</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Audience segment</source>
        <translation>Audience segment</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Objective</translation>
    </message>
    <message>
        <source>Nothing planned this week.</source>
        <translation>Nothing planned this week.</translation>
    </message>
    <message>
        <source>Nothing planned: part of a gap.</source>
        <translation>Nothing planned: part of a gap.</translation>
    </message>
</context>
<context>
    <name>CoverageWindow</name>
    <message>
        <source>Coverage by persona and objective</source>
        <translation>Coverage by persona and objective</translation>
    </message>
    <message>
        <source>Each cell: posts planned that week (published ones in brackets when not all are). Red: a gap.</source>
        <translation>Each cell: posts planned that week (published ones in brackets when not all are). Red: a gap.</translation>
    </message>
    <message>
        <source>Gaps and channel fit</source>
        <translation>Gaps and channel fit</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>&amp;Previous month</source>
        <translation>&amp;Previous month</translation>
    </message>
    <message>
        <source>&amp;This month</source>
        <translation>&amp;This month</translation>
    </message>
    <message>
        <source>&amp;Next month</source>
        <translation>&amp;Next month</translation>
    </message>
    <message>
        <source> weeks</source>
        <translation> weeks</translation>
    </message>
    <message>
        <source>How many weeks without a post make a gap</source>
        <translation>How many weeks without a post make a gap</translation>
    </message>
    <message>
        <source>A gap from </source>
        <translation>A gap from </translation>
    </message>
    <message>
        <source>Coverage — %1</source>
        <translation>Coverage — %1</translation>
    </message>
</context>
<context>
    <name>DashboardWindow</name>
    <message>
        <source>Delete the entry %1</source>
        <translation>Delete the entry %1</translation>
    </message>
    <message>
        <source>Record %1</source>
        <translation>Record %1</translation>
    </message>
    <message>
        <source>Dashboard — objectives and KPIs</source>
        <translation>Dashboard — objectives and KPIs</translation>
    </message>
    <message>
        <source>&amp;Delete the entry</source>
        <translation>&amp;Delete the entry</translation>
    </message>
    <message>
        <source>&amp;Record an outcome…</source>
        <translation>&amp;Record an outcome…</translation>
    </message>
    <message>
        <source>KPIs against their targets</source>
        <translation>KPIs against their targets</translation>
    </message>
    <message>
        <source>Best posts</source>
        <translation>Best posts</translation>
    </message>
    <message>
        <source>Outcome entries of the period</source>
        <translation>Outcome entries of the period</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Chosen dates</source>
        <translation>Chosen dates</translation>
    </message>
    <message>
        <source>&amp;Previous</source>
        <translation>&amp;Previous</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Next</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>&amp;Export as PNG…</source>
        <translation>&amp;Export as PNG…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>Dashboard — %1</source>
        <translation>Dashboard — %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln post(s) published</source>
        <translation>
            <numerusform>%Ln post published</numerusform>
            <numerusform>%Ln posts published</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln interaction(s)</source>
        <translation>
            <numerusform>%Ln interaction</numerusform>
            <numerusform>%Ln interactions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln web visit(s) from the posts&apos; links</source>
        <translation>
            <numerusform>%Ln web visit from the posts&apos; links</numerusform>
            <numerusform>%Ln web visits from the posts&apos; links</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 KPI(s) reached</source>
        <translation>
            <numerusform>%n of %1 KPIs reached</numerusform>
            <numerusform>%n of %1 KPIs reached</numerusform>
        </translation>
    </message>
    <message>
        <source>No measurement in this period yet — record an outcome or import visits.</source>
        <translation>No measurement in this period yet — record an outcome or import visits.</translation>
    </message>
    <message>
        <source>No KPI with a target yet — give your objectives a KPI and its target to follow them here.</source>
        <translation>No KPI with a target yet — give your objectives a KPI and its target to follow them here.</translation>
    </message>
    <message>
        <source>Share of each target reached</source>
        <translation>Share of each target reached</translation>
    </message>
    <message>
        <source>Progress over the last six months</source>
        <translation>Progress over the last six months</translation>
    </message>
    <message>
        <source>No interactions measured in this period yet — they are read from the networks once posts are published.</source>
        <translation>No interactions measured in this period yet — they are read from the networks once posts are published.</translation>
    </message>
    <message>
        <source>Reach per persona (interactions)</source>
        <translation>Reach per persona (interactions)</translation>
    </message>
    <message>
        <source>No persona yet — describe the people your posts speak to (Tools › Personas).</source>
        <translation>No persona yet — describe the people your posts speak to (Tools › Personas).</translation>
    </message>
    <message>
        <source>Reach per platform</source>
        <translation>Reach per platform</translation>
    </message>
    <message>
        <source>Outcome recorded.</source>
        <translation>Outcome recorded.</translation>
    </message>
    <message>
        <source>Entry deleted (Ctrl+Z to undo).</source>
        <translation>Entry deleted (Ctrl+Z to undo).</translation>
    </message>
    <message>
        <source>Export the dashboard</source>
        <translation>Export the dashboard</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Saved to %1.</translation>
    </message>
    <message>
        <source>The image could not be saved to %1.</source>
        <translation>The image could not be saved to %1.</translation>
    </message>
</context>
<context>
    <name>DateDialog</name>
    <message>
        <source>Go to date</source>
        <translation>Go to date</translation>
    </message>
</context>
<context>
    <name>DateTimeDialog</name>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <source>&amp;Time:</source>
        <translation>&amp;Time:</translation>
    </message>
    <message>
        <source>Time zone: %1</source>
        <translation>Time zone: %1</translation>
    </message>
</context>
<context>
    <name>DayDelegate</name>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n more</numerusform>
            <numerusform>+%n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Discussion</name>
    <message>
        <source>created the post</source>
        <extracomment>the review&apos;s own steps, the latest of which the bar describes</extracomment>
        <translation>created the post</translation>
    </message>
    <message>
        <source>edited it</source>
        <translation>edited it</translation>
    </message>
    <message>
        <source>moved it</source>
        <translation>moved it</translation>
    </message>
    <message>
        <source>submitted it for review</source>
        <translation>submitted it for review</translation>
    </message>
    <message>
        <source>approved it</source>
        <translation>approved it</translation>
    </message>
    <message>
        <source>asked for changes</source>
        <translation>asked for changes</translation>
    </message>
    <message>
        <source>scheduled it</source>
        <translation>scheduled it</translation>
    </message>
    <message>
        <source>unscheduled it</source>
        <translation>unscheduled it</translation>
    </message>
    <message>
        <source>edited it after its approval: back to review</source>
        <translation>edited it after its approval: back to review</translation>
    </message>
    <message>
        <source>published it</source>
        <translation>published it</translation>
    </message>
    <message>
        <source>cancelled it</source>
        <translation>cancelled it</translation>
    </message>
    <message>
        <source>commented</source>
        <translation>commented</translation>
    </message>
    <message>
        <source>Changed since %1 approved it:</source>
        <translation>Changed since %1 approved it:</translation>
    </message>
    <message>
        <source>Changed since it was approved:</source>
        <translation>Changed since it was approved:</translation>
    </message>
    <message>
        <source>The post needs approval</source>
        <translation>The post needs approval</translation>
    </message>
    <message>
        <source>The team&apos;s rule: a post goes out only once an approver has approved it. This one is at the stage “%1”.</source>
        <translation>The team&apos;s rule: a post goes out only once an approver has approved it. This one is at the stage “%1”.</translation>
    </message>
    <message>
        <source>Schedule it anyway? It waits for the approval, and goes out at its time only if it is approved by then.</source>
        <translation>Schedule it anyway? It waits for the approval, and goes out at its time only if it is approved by then.</translation>
    </message>
    <message>
        <source>&amp;Schedule, waiting for approval</source>
        <translation>&amp;Schedule, waiting for approval</translation>
    </message>
</context>
<context>
    <name>DiscussionPanel</name>
    <message>
        <source>Comments</source>
        <translation>Comments</translation>
    </message>
    <message>
        <source>No comment yet.</source>
        <translation>No comment yet.</translation>
    </message>
    <message>
        <source>Write a comment; @ names a teammate</source>
        <translation>Write a comment; @ names a teammate</translation>
    </message>
    <message>
        <source>Co&amp;mment</source>
        <translation>Co&amp;mment</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
</context>
<context>
    <name>DraftListModel</name>
    <message>
        <source>(no name yet)</source>
        <translation>(no name yet)</translation>
    </message>
</context>
<context>
    <name>EditorCheck</name>
    <message>
        <source>Write a title or a text.</source>
        <extracomment>per account, what was chosen for it (the TikTok panel&apos;s privacy, interactions...) the Repeat section&apos;s rule (an RRULE; empty: does not repeat), kept by the autosave</extracomment>
        <translation>Write a title or a text.</translation>
    </message>
    <message>
        <source>Image %1 (%2) needs an alternative text: describe it for people who cannot see it.</source>
        <translation>Image %1 (%2) needs an alternative text: describe it for people who cannot see it.</translation>
    </message>
    <message>
        <source>Choose at least one account to publish on.</source>
        <translation>Choose at least one account to publish on.</translation>
    </message>
    <message>
        <source>%1 is not on %2 (networks: %3): this account will not reach this persona.</source>
        <translation>%1 is not on %2 (networks: %3): this account will not reach this persona.</translation>
    </message>
    <message>
        <source>Choose a date and time to publish.</source>
        <translation>Choose a date and time to publish.</translation>
    </message>
    <message>
        <source>This time has already passed: choose a time in the future to publish.</source>
        <translation>This time has already passed: choose a time in the future to publish.</translation>
    </message>
    <message>
        <source>This date is more than two years ahead: check the year.</source>
        <translation>This date is more than two years ahead: check the year.</translation>
    </message>
</context>
<context>
    <name>EditorForm</name>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>The post is online: edits here would not reach the network</source>
        <translation>The post is online: edits here would not reach the network</translation>
    </message>
    <message>
        <source>For the team: what is this post?</source>
        <translation>For the team: what is this post?</translation>
    </message>
    <message>
        <source>The text of the post…</source>
        <translation>The text of the post…</translation>
    </message>
    <message>
        <source>Call to action</source>
        <translation>Call to action</translation>
    </message>
    <message>
        <source>#ESS #Solidarity</source>
        <translation>#ESS #Solidarity</translation>
    </message>
    <message>
        <source>Hashtag sets</source>
        <translation>Hashtag sets</translation>
    </message>
    <message>
        <source>Describe the image for people who cannot see it (required)</source>
        <translation>Describe the image for people who cannot see it (required)</translation>
    </message>
    <message>
        <source>Add &amp;images…</source>
        <translation>Add &amp;images…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Cover…</source>
        <translation>Cover…</translation>
    </message>
    <message>
        <source>Choose an image as the video&apos;s cover, for the networks that show one</source>
        <translation>Choose an image as the video&apos;s cover, for the networks that show one</translation>
    </message>
    <message>
        <source>Move earlier</source>
        <translation>Move earlier</translation>
    </message>
    <message>
        <source>Move later</source>
        <translation>Move later</translation>
    </message>
    <message>
        <source>Personas</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Objectives</source>
        <translation>Objectives</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>Choose accounts to adapt the text for each one.</source>
        <translation>Choose accounts to adapt the text for each one.</translation>
    </message>
    <message>
        <source>French</source>
        <translation>French</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>German</source>
        <translation>German</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Spanish</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>Italian</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>Dutch</translation>
    </message>
    <message>
        <source>Not said</source>
        <translation>Not said</translation>
    </message>
    <message>
        <source>&amp;Publish automatically at this date and time</source>
        <translation>&amp;Publish automatically at this date and time</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>No problem found.</source>
        <translation>No problem found.</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Add to the &amp;queue</source>
        <translation>Add to the &amp;queue</translation>
    </message>
    <message>
        <source>Save and schedule at the next posting slot free on every chosen account (a post goes out at one time on all its accounts: the earliest slot of one of them that none of them has taken).</source>
        <translation>Save and schedule at the next posting slot free on every chosen account (a post goes out at one time on all its accounts: the earliest slot of one of them that none of them has taken).</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>Te&amp;xt:</translation>
    </message>
    <message>
        <source>&amp;Link:</source>
        <translation>&amp;Link:</translation>
    </message>
    <message>
        <source>&amp;Hashtags:</source>
        <translation>&amp;Hashtags:</translation>
    </message>
    <message>
        <source>&amp;Images:</source>
        <translation>&amp;Images:</translation>
    </message>
    <message>
        <source>&amp;Accounts:</source>
        <translation>&amp;Accounts:</translation>
    </message>
    <message>
        <source>Per account:</source>
        <translation>Per account:</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;When:</translation>
    </message>
    <message>
        <source>St&amp;age:</source>
        <translation>St&amp;age:</translation>
    </message>
    <message>
        <source>La&amp;nguage:</source>
        <translation>La&amp;nguage:</translation>
    </message>
    <message>
        <source>Before publishing</source>
        <translation>Before publishing</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Leave empty to publish the main text on this account.</source>
        <translation>Leave empty to publish the main text on this account.</translation>
    </message>
</context>
<context>
    <name>EventForm</name>
    <message>
        <source>New event</source>
        <translation>New event</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>General assembly, open day, collection…</source>
        <translation>General assembly, open day, collection…</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>All day</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Starts:</source>
        <translation>&amp;Starts:</translation>
    </message>
    <message>
        <source>&amp;Ends:</source>
        <translation>&amp;Ends:</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>&amp;Place:</translation>
    </message>
    <message>
        <source>&amp;Objective:</source>
        <translation>&amp;Objective:</translation>
    </message>
    <message>
        <source>&amp;Campaign:</source>
        <translation>&amp;Campaign:</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>N&amp;otes:</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>EvergreenDialog</name>
    <message>
        <source>Evergreen posts</source>
        <translation>Evergreen posts</translation>
    </message>
    <message>
        <source>Posts marked “Evergreen” in the editor. Reusing one makes a new post with the same content on new targets; the original is never changed.</source>
        <translation>Posts marked “Evergreen” in the editor. Reusing one makes a new post with the same content on new targets; the original is never changed.</translation>
    </message>
    <message>
        <source>No evergreen post yet: tick “Evergreen” in a post&apos;s editor.</source>
        <translation>No evergreen post yet: tick “Evergreen” in a post&apos;s editor.</translation>
    </message>
    <message>
        <source>&amp;Schedule the new post (else a draft)</source>
        <translation>&amp;Schedule the new post (else a draft)</translation>
    </message>
    <message>
        <source>&amp;Reuse…</source>
        <translation>&amp;Reuse…</translation>
    </message>
    <message>
        <source>Reuse</source>
        <translation>Reuse</translation>
    </message>
    <message>
        <source>When should the new post go out?</source>
        <translation>When should the new post go out?</translation>
    </message>
</context>
<context>
    <name>EvergreenModel</name>
    <message>
        <source>Post</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Last used</translation>
    </message>
    <message>
        <source>Times reused</source>
        <translation>Times reused</translation>
    </message>
    <message>
        <source>Available again</source>
        <translation>Available again</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>never (maximum reached)</source>
        <translation>never (maximum reached)</translation>
    </message>
    <message>
        <source>now</source>
        <translation>now</translation>
    </message>
</context>
<context>
    <name>EvergreenRow</name>
    <message>
        <source>E&amp;vergreen: can be reused to fill gaps</source>
        <translation>E&amp;vergreen: can be reused to fill gaps</translation>
    </message>
    <message>
        <source>Reusable posts are listed in Tools › Evergreen posts and proposed where the coverage has gaps.</source>
        <translation>Reusable posts are listed in Tools › Evergreen posts and proposed where the coverage has gaps.</translation>
    </message>
    <message>
        <source> days between uses</source>
        <translation> days between uses</translation>
    </message>
    <message>
        <source>Days between two uses</source>
        <translation>Days between two uses</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>no limit</translation>
    </message>
    <message>
        <source>at most </source>
        <translation>at most </translation>
    </message>
    <message>
        <source>Maximum number of reuses</source>
        <translation>Maximum number of reuses</translation>
    </message>
    <message>
        <source>reuses</source>
        <translation>reuses</translation>
    </message>
    <message>
        <source>Save as template</source>
        <translation>Save as template</translation>
    </message>
    <message>
        <source>Name of the template (it appears in File › New post from template):</source>
        <translation>Name of the template (it appears in File › New post from template):</translation>
    </message>
    <message>
        <source>Saved as the template “%1”.</source>
        <translation>Saved as the template “%1”.</translation>
    </message>
</context>
<context>
    <name>ExchangeActions</name>
    <message>
        <source>&amp;Import posts from a CSV file…</source>
        <translation>&amp;Import posts from a CSV file…</translation>
    </message>
    <message>
        <source>Export posts to CSV (spreadsheet)…</source>
        <translation>Export posts to CSV (spreadsheet)…</translation>
    </message>
    <message>
        <source>Export the calendar to iCalendar…</source>
        <translation>Export the calendar to iCalendar…</translation>
    </message>
    <message>
        <source>Import posts</source>
        <translation>Import posts</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV files (*.csv *.txt);;All files (*)</translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) imported as drafts. Open them to check and schedule them.</source>
        <translation>
            <numerusform>%n post imported as a draft. Open it to check and schedule it.</numerusform>
            <numerusform>%n posts imported as drafts. Open them to check and schedule them.</numerusform>
        </translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>iCalendar files (*.ics)</translation>
    </message>
    <message>
        <source>Export posts</source>
        <translation>Export posts</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>The file could not be written: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) exported.</source>
        <translation>
            <numerusform>%n post exported.</numerusform>
            <numerusform>%n posts exported.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <source>Search titles and texts</source>
        <translation>Search titles and texts</translation>
    </message>
    <message>
        <source>Show everything</source>
        <translation>Show everything</translation>
    </message>
    <message>
        <source>Personas</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Objectives</source>
        <translation>Objectives</translation>
    </message>
    <message>
        <source>Networks</source>
        <translation>Networks</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Calendar</source>
        <extracomment>campaigns, events and awareness days shown or hidden (not a post filter)</extracomment>
        <translation>Calendar</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Getting started with ESS Planner</source>
        <translation>Getting started with ESS Planner</translation>
    </message>
    <message>
        <source>Load the &amp;example workspace</source>
        <translation>Load the &amp;example workspace</translation>
    </message>
    <message>
        <source>&amp;Skip this step</source>
        <translation>&amp;Skip this step</translation>
    </message>
    <message>
        <source>An association&apos;s month of posts, personas and objectives, on test accounts: to look around before setting up your own.</source>
        <translation>An association&apos;s month of posts, personas and objectives, on test accounts: to look around before setting up your own.</translation>
    </message>
    <message>
        <source>Finish creates:</source>
        <translation>Finish creates:</translation>
    </message>
    <message>
        <source>• personas: %1</source>
        <translation>• personas: %1</translation>
    </message>
    <message>
        <source>• objectives: %1</source>
        <translation>• objectives: %1</translation>
    </message>
    <message>
        <source>• a test account: %1</source>
        <translation>• a test account: %1</translation>
    </message>
    <message>
        <source>Finish creates nothing: the steps were skipped or left empty.</source>
        <translation>Finish creates nothing: the steps were skipped or left empty.</translation>
    </message>
    <message>
        <source>Already connected: %1</source>
        <translation>Already connected: %1</translation>
    </message>
    <message>
        <source>The settings could not be saved: %1</source>
        <translation>The settings could not be saved: %1</translation>
    </message>
    <message>
        <source>Some things were not created:
%1</source>
        <translation>Some things were not created:
%1</translation>
    </message>
</context>
<context>
    <name>GapFillPanel</name>
    <message>
        <source>Ways to fill the gap</source>
        <translation>Ways to fill the gap</translation>
    </message>
    <message>
        <source>&amp;Create the post</source>
        <translation>&amp;Create the post</translation>
    </message>
    <message>
        <source>Select a gap to see what could fill it.</source>
        <translation>Select a gap to see what could fill it.</translation>
    </message>
    <message>
        <source>This gap is over.</source>
        <translation>This gap is over.</translation>
    </message>
    <message>
        <source>To fill it: evergreen posts available then, and templates.</source>
        <translation>To fill it: evergreen posts available then, and templates.</translation>
    </message>
    <message>
        <source>No evergreen post nor template fits this gap.</source>
        <translation>No evergreen post nor template fits this gap.</translation>
    </message>
</context>
<context>
    <name>Handover</name>
    <message>
        <source>Handover checklist</source>
        <translation>Handover checklist</translation>
    </message>
    <message>
        <source>The register names nobody yet: fill in the accounts&apos; handover first.</source>
        <translation>The register names nobody yet: fill in the accounts&apos; handover first.</translation>
    </message>
    <message>
        <source>Who is leaving?</source>
        <translation>Who is leaving?</translation>
    </message>
    <message>
        <source>Save the handover checklist</source>
        <translation>Save the handover checklist</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>Handover: %1</source>
        <translation>Handover: %1</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>Not known</translation>
    </message>
    <message>
        <source>The association&apos;s own login</source>
        <translation>The association&apos;s own login</translation>
    </message>
    <message>
        <source>A person&apos;s private login (risk)</source>
        <translation>A person&apos;s private login (risk)</translation>
    </message>
    <message>
        <source>the person who holds the login</source>
        <translation>the person who holds the login</translation>
    </message>
    <message>
        <source>names, separated by commas</source>
        <translation>names, separated by commas</translation>
    </message>
    <message>
        <source>e.g. the office safe, the association&apos;s password manager</source>
        <translation>e.g. the office safe, the association&apos;s password manager</translation>
    </message>
    <message>
        <source>Where the two-factor recovery codes are kept: a place, never the codes.</source>
        <translation>Where the two-factor recovery codes are kept: a place, never the codes.</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>not known</translation>
    </message>
    <message>
        <source>no known end</source>
        <translation>no known end</translation>
    </message>
    <message>
        <source>Risk: if this person leaves, the association loses the account. Move it to the association&apos;s own login and name a backup administrator.</source>
        <translation>Risk: if this person leaves, the association loses the account. Move it to the association&apos;s own login and name a backup administrator.</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Network</translation>
    </message>
    <message>
        <source>Connected &amp;by</source>
        <translation>Connected &amp;by</translation>
    </message>
    <message>
        <source>Connected on</source>
        <translation>Connected on</translation>
    </message>
    <message>
        <source>&amp;Login</source>
        <translation>&amp;Login</translation>
    </message>
    <message>
        <source>&amp;Whose login</source>
        <translation>&amp;Whose login</translation>
    </message>
    <message>
        <source>&amp;Backup administrators</source>
        <translation>&amp;Backup administrators</translation>
    </message>
    <message>
        <source>&amp;Recovery codes kept at</source>
        <translation>&amp;Recovery codes kept at</translation>
    </message>
    <message>
        <source>Login ends</source>
        <translation>Login ends</translation>
    </message>
</context>
<context>
    <name>HashtagSets</name>
    <message>
        <source>No hashtag set yet</source>
        <translation>No hashtag set yet</translation>
    </message>
    <message>
        <source>Save these hashtags as a set…</source>
        <translation>Save these hashtags as a set…</translation>
    </message>
    <message>
        <source>Delete a set</source>
        <translation>Delete a set</translation>
    </message>
    <message>
        <source>Hashtag set</source>
        <translation>Hashtag set</translation>
    </message>
    <message>
        <source>Name of the set:</source>
        <translation>Name of the set:</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>ESS Planner</source>
        <translation>ESS Planner</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>IdentityFields</name>
    <message>
        <source>e.g. Marie Dupont</source>
        <translation>e.g. Marie Dupont</translation>
    </message>
    <message>
        <source>e.g. marie@energie-solidaire.org</source>
        <translation>e.g. marie@energie-solidaire.org</translation>
    </message>
    <message>
        <source>Your na&amp;me:</source>
        <translation>Your na&amp;me:</translation>
    </message>
    <message>
        <source>Your &amp;e-mail:</source>
        <translation>Your &amp;e-mail:</translation>
    </message>
</context>
<context>
    <name>ImageList</name>
    <message>
        <source>Add images</source>
        <translation>Add images</translation>
    </message>
    <message>
        <source>Images and videos (*.jpg *.jpeg *.png *.gif *.webp *.mp4 *.mov *.m4v *.webm);;Images (*.jpg *.jpeg *.png *.gif *.webp);;Videos (*.mp4 *.mov *.m4v *.webm)</source>
        <translation>Images and videos (*.jpg *.jpeg *.png *.gif *.webp *.mp4 *.mov *.m4v *.webm);;Images (*.jpg *.jpeg *.png *.gif *.webp);;Videos (*.mp4 *.mov *.m4v *.webm)</translation>
    </message>
    <message>
        <source>Cover of the video</source>
        <translation>Cover of the video</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png)</source>
        <translation>Images (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>The cover of a video must be an image.</source>
        <translation>The cover of a video must be an image.</translation>
    </message>
    <message>
        <source>Describe the video, for the networks that show a description (Mastodon, Bluesky)</source>
        <translation>Describe the video, for the networks that show a description (Mastodon, Bluesky)</translation>
    </message>
    <message>
        <source>Describe the image for people who cannot see it (required)</source>
        <translation>Describe the image for people who cannot see it (required)</translation>
    </message>
</context>
<context>
    <name>ImpactModel</name>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>What to do</translation>
    </message>
</context>
<context>
    <name>ImpactView</name>
    <message>
        <source>&amp;Delete from the network…</source>
        <translation>&amp;Delete from the network…</translation>
    </message>
    <message>
        <source>For the networks that let ESS Planner delete a post (Mastodon); on the others, open the post and delete it there</source>
        <translation>For the networks that let ESS Planner delete a post (Mastodon); on the others, open the post and delete it there</translation>
    </message>
    <message>
        <source>No post shows this person.</source>
        <translation>No post shows this person.</translation>
    </message>
    <message numerus="yes">
        <source>%n scheduled post(s) blocked.</source>
        <translation>
            <numerusform>%n scheduled post blocked.</numerusform>
            <numerusform>%n scheduled posts blocked.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n published post(s) show this person: delete them on each network.</source>
        <translation>
            <numerusform>%n published post shows this person: delete them on each network.</numerusform>
            <numerusform>%n published posts show this person: delete them on each network.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scheduled post(s) will be blocked.</source>
        <translation>
            <numerusform>%n scheduled post will be blocked.</numerusform>
            <numerusform>%n scheduled posts will be blocked.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n published post(s) show this person.</source>
        <translation>
            <numerusform>%n published post shows this person.</numerusform>
            <numerusform>%n published posts show this person.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KpiTableModel</name>
    <message>
        <source>New indicator</source>
        <translation>New indicator</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Objective</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>KPI</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>By now, %1 would be on pace for the target.</source>
        <translation>By now, %1 would be on pace for the target.</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
</context>
<context>
    <name>KpiTools</name>
    <message>
        <source>&amp;Dashboard of objectives and KPIs</source>
        <translation>&amp;Dashboard of objectives and KPIs</translation>
    </message>
    <message>
        <source>&amp;Coverage by persona and objective</source>
        <translation>&amp;Coverage by persona and objective</translation>
    </message>
    <message>
        <source>Record an &amp;outcome…</source>
        <translation>Record an &amp;outcome…</translation>
    </message>
    <message>
        <source>Import web &amp;visits (CSV)…</source>
        <translation>Import web &amp;visits (CSV)…</translation>
    </message>
    <message>
        <source>Board &amp;report (PDF or CSV)…</source>
        <translation>Board &amp;report (PDF or CSV)…</translation>
    </message>
    <message>
        <source>Outcome recorded.</source>
        <translation>Outcome recorded.</translation>
    </message>
    <message>
        <source>Import web visits</source>
        <translation>Import web visits</translation>
    </message>
    <message>
        <source>CSV exports (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>CSV exports (*.csv *.tsv *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importing %1…</translation>
    </message>
    <message>
        <source>%1 visits imported (%2 new lines, %3 updated).</source>
        <translation>%1 visits imported (%2 new lines, %3 updated).</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Scheduled</translation>
    </message>
    <message>
        <source>Not scheduled</source>
        <translation>Not scheduled</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Published</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>not scheduled</source>
        <translation>not scheduled</translation>
    </message>
    <message>
        <source>scheduled</source>
        <translation>scheduled</translation>
    </message>
    <message>
        <source>being sent</source>
        <translation>being sent</translation>
    </message>
    <message>
        <source>published</source>
        <translation>published</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>unconfirmed</source>
        <translation>unconfirmed</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>missed</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>waiting: the account must be reconnected</source>
        <translation>waiting: the account must be reconnected</translation>
    </message>
    <message>
        <source>waiting: the account is disabled</source>
        <translation>waiting: the account is disabled</translation>
    </message>
    <message>
        <source>waiting: the account needs credits</source>
        <translation>waiting: the account needs credits</translation>
    </message>
    <message>
        <source>waiting: ESS Planner needs an update</source>
        <translation>waiting: ESS Planner needs an update</translation>
    </message>
    <message>
        <source>waiting: the developer app needs more access</source>
        <translation>waiting: the developer app needs more access</translation>
    </message>
    <message>
        <source>waiting: the network refused it for now</source>
        <translation>waiting: the network refused it for now</translation>
    </message>
    <message>
        <source>login ends soon</source>
        <translation>login ends soon</translation>
    </message>
    <message>
        <source>risk: in a private login</source>
        <translation>risk: in a private login</translation>
    </message>
    <message>
        <source>waiting: not approved yet</source>
        <translation>waiting: not approved yet</translation>
    </message>
    <message>
        <source>Reconnect…</source>
        <translation>Reconnect…</translation>
    </message>
    <message>
        <source>Enable the account</source>
        <translation>Enable the account</translation>
    </message>
    <message>
        <source>I added credits: try again</source>
        <translation>I added credits: try again</translation>
    </message>
    <message>
        <source>I updated: try again</source>
        <translation>I updated: try again</translation>
    </message>
    <message>
        <source>Access granted: try again</source>
        <translation>Access granted: try again</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Retry now</translation>
    </message>
    <message>
        <source>Handover…</source>
        <translation>Handover…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Mark as published…</source>
        <translation>Mark as published…</translation>
    </message>
    <message>
        <source>Publish now</source>
        <translation>Publish now</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>Review…</translation>
    </message>
    <message>
        <source>Idea</source>
        <translation>Idea</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>In review</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>Volunteers</translation>
    </message>
    <message>
        <source>Donors</source>
        <translation>Donors</translation>
    </message>
    <message>
        <source>Beneficiaries</source>
        <translation>Beneficiaries</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>Partners</translation>
    </message>
    <message>
        <source>General public</source>
        <translation>General public</translation>
    </message>
    <message>
        <source>Donations</source>
        <translation>Donations</translation>
    </message>
    <message>
        <source>Volunteer recruitment</source>
        <translation>Volunteer recruitment</translation>
    </message>
    <message>
        <source>Awareness</source>
        <translation>Awareness</translation>
    </message>
    <message>
        <source>Products and services</source>
        <translation>Products and services</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>per week</source>
        <translation>per week</translation>
    </message>
    <message>
        <source>per month</source>
        <translation>per month</translation>
    </message>
    <message>
        <source>per quarter</source>
        <translation>per quarter</translation>
    </message>
    <message>
        <source>per year</source>
        <translation>per year</translation>
    </message>
    <message>
        <source>per campaign</source>
        <translation>per campaign</translation>
    </message>
    <message>
        <source>likes</source>
        <translation>likes</translation>
    </message>
    <message>
        <source>reposts</source>
        <translation>reposts</translation>
    </message>
    <message>
        <source>replies</source>
        <translation>replies</translation>
    </message>
    <message>
        <source>quotes</source>
        <translation>quotes</translation>
    </message>
    <message>
        <source>shares</source>
        <translation>shares</translation>
    </message>
    <message>
        <source>views</source>
        <translation>views</translation>
    </message>
    <message>
        <source>comments</source>
        <translation>comments</translation>
    </message>
    <message>
        <source>reactions</source>
        <translation>reactions</translation>
    </message>
    <message>
        <source>clicks</source>
        <translation>clicks</translation>
    </message>
    <message>
        <source>Test account (nothing is sent)</source>
        <extracomment>platform ids the editor and filters know by name (plugins may add others)</extracomment>
        <translation>Test account (nothing is sent)</translation>
    </message>
    <message>
        <source>Donate</source>
        <translation>Donate</translation>
    </message>
    <message>
        <source>Volunteer with us</source>
        <translation>Volunteer with us</translation>
    </message>
    <message>
        <source>Sign up</source>
        <translation>Sign up</translation>
    </message>
    <message>
        <source>Learn more</source>
        <translation>Learn more</translation>
    </message>
    <message>
        <source>Join us</source>
        <translation>Join us</translation>
    </message>
    <message>
        <source>Sign the petition</source>
        <translation>Sign the petition</translation>
    </message>
    <message>
        <source>Book your place</source>
        <translation>Book your place</translation>
    </message>
    <message>
        <source>Contact us</source>
        <translation>Contact us</translation>
    </message>
</context>
<context>
    <name>LanguageCombo</name>
    <message>
        <source>The system&apos;s language</source>
        <translation>The system&apos;s language</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Filters</source>
        <extracomment>how often the calendar re-reads the database for changes made by other programs how often the window asks whether another program wrote to the database (cheap) where the window keeps its size, position, docks and view (in the config folder) the window read the database again (View › Refresh, another program&apos;s writes) an account&apos;s handover register entry to edit (the accounts feature answers) the change listener reconnected (emitted from its thread): re-read everything</extracomment>
        <translation>Filters</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Search results</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>Reorder the queue</source>
        <translation>Reorder the queue</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>&amp;Move to…</source>
        <translation>&amp;Move to…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>ESS Planner</source>
        <extracomment>functions adding actions to a post&apos;s context menu: ``hook(menu, post_id)`` closed (closeEvent accepted): what was queued to read later reads nothing</extracomment>
        <translation>ESS Planner</translation>
    </message>
    <message>
        <source>Move the post</source>
        <translation>Move the post</translation>
    </message>
    <message>
        <source>&amp;Previous week</source>
        <translation>&amp;Previous week</translation>
    </message>
    <message>
        <source>&amp;Next week</source>
        <translation>&amp;Next week</translation>
    </message>
    <message>
        <source>&amp;Previous month</source>
        <translation>&amp;Previous month</translation>
    </message>
    <message>
        <source>&amp;Next month</source>
        <translation>&amp;Next month</translation>
    </message>
    <message>
        <source>Still opening the workspace; try again in a moment.</source>
        <translation>Still opening the workspace; try again in a moment.</translation>
    </message>
    <message>
        <source>Example workspace</source>
        <translation>Example workspace</translation>
    </message>
    <message>
        <source>About ESS Planner</source>
        <translation>About ESS Planner</translation>
    </message>
    <message>
        <source>&lt;b&gt;ESS Planner&lt;/b&gt; %1&lt;br&gt;Plan, tag by persona and objective, and publish the posts of associations, cooperatives and foundations.</source>
        <translation>&lt;b&gt;ESS Planner&lt;/b&gt; %1&lt;br&gt;Plan, tag by persona and objective, and publish the posts of associations, cooperatives and foundations.</translation>
    </message>
    <message>
        <source>&amp;New post…</source>
        <translation>&amp;New post…</translation>
    </message>
    <message>
        <source>New post from &amp;template…</source>
        <translation>New post from &amp;template…</translation>
    </message>
    <message>
        <source>&amp;Evergreen posts…</source>
        <translation>&amp;Evergreen posts…</translation>
    </message>
    <message>
        <source>Load the &amp;example workspace</source>
        <translation>Load the &amp;example workspace</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>&amp;Open post</source>
        <translation>&amp;Open post</translation>
    </message>
    <message>
        <source>&amp;Delete post</source>
        <translation>&amp;Delete post</translation>
    </message>
    <message>
        <source>Move one day &amp;later</source>
        <translation>Move one day &amp;later</translation>
    </message>
    <message>
        <source>Move one day &amp;earlier</source>
        <translation>Move one day &amp;earlier</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;Today</translation>
    </message>
    <message>
        <source>&amp;Go to date…</source>
        <translation>&amp;Go to date…</translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation>&amp;Search…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>&amp;Month</source>
        <translation>&amp;Month</translation>
    </message>
    <message>
        <source>&amp;Week</source>
        <translation>&amp;Week</translation>
    </message>
    <message>
        <source>&amp;Agenda</source>
        <translation>&amp;Agenda</translation>
    </message>
    <message>
        <source>Colour by &amp;objective</source>
        <translation>Colour by &amp;objective</translation>
    </message>
    <message>
        <source>Colour by &amp;network</source>
        <translation>Colour by &amp;network</translation>
    </message>
    <message>
        <source>&amp;Personas…</source>
        <translation>&amp;Personas…</translation>
    </message>
    <message>
        <source>&amp;Objectives and KPIs…</source>
        <translation>&amp;Objectives and KPIs…</translation>
    </message>
    <message>
        <source>Prepare the posts of an &amp;event…</source>
        <translation>Prepare the posts of an &amp;event…</translation>
    </message>
    <message>
        <source>E&amp;vents and campaigns…</source>
        <translation>E&amp;vents and campaigns…</translation>
    </message>
    <message>
        <source>A&amp;wareness days…</source>
        <translation>A&amp;wareness days…</translation>
    </message>
    <message>
        <source>&amp;Image rights…</source>
        <translation>&amp;Image rights…</translation>
    </message>
    <message>
        <source>Needs &amp;attention</source>
        <translation>Needs &amp;attention</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Open the &amp;log folder</source>
        <translation>Open the &amp;log folder</translation>
    </message>
    <message>
        <source>&amp;About ESS Planner</source>
        <translation>&amp;About ESS Planner</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>Colour by objective</source>
        <translation>Colour by objective</translation>
    </message>
    <message>
        <source>Colour by network</source>
        <translation>Colour by network</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Accounts…</source>
        <translation>&amp;Accounts…</translation>
    </message>
    <message>
        <source>&amp;Start again…</source>
        <translation>&amp;Start again…</translation>
    </message>
    <message>
        <source>The first-run assistant: association, personas, objectives, a first account</source>
        <translation>The first-run assistant: association, personas, objectives, a first account</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferences…</translation>
    </message>
</context>
<context>
    <name>ManifestDialog</name>
    <message>
        <source>Backup</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>Safety backup</source>
        <translation>Safety backup</translation>
    </message>
    <message>
        <source>Exported workspace</source>
        <translation>Exported workspace</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message numerus="yes">
        <source>%n post(s)</source>
        <translation>
            <numerusform>%n post</numerusform>
            <numerusform>%n posts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n persona(s)</source>
        <translation>
            <numerusform>%n persona</numerusform>
            <numerusform>%n personas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n objective(s)</source>
        <translation>
            <numerusform>%n objective</numerusform>
            <numerusform>%n objectives</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n account</numerusform>
            <numerusform>%n accounts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n media file(s)</source>
        <translation>
            <numerusform>%n media file</numerusform>
            <numerusform>%n media files</numerusform>
        </translation>
    </message>
    <message>
        <source>Contents:</source>
        <translation>Contents:</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <source>No post planned after %1.</source>
        <translation>No post planned after %1.</translation>
    </message>
    <message>
        <source>Next posts:</source>
        <translation>Next posts:</translation>
    </message>
</context>
<context>
    <name>MarksToggles</name>
    <message>
        <source>Campaigns</source>
        <translation>Campaigns</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Awareness days</source>
        <translation>Awareness days</translation>
    </message>
</context>
<context>
    <name>MediaListModel</name>
    <message>
        <source>cover chosen</source>
        <translation>cover chosen</translation>
    </message>
    <message>
        <source>%1 — no alternative text yet</source>
        <translation>%1 — no alternative text yet</translation>
    </message>
</context>
<context>
    <name>MonthModel</name>
    <message numerus="yes">
        <source>%1: %n post(s)</source>
        <translation>
            <numerusform>%1: %n post</numerusform>
            <numerusform>%1: %n posts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ObjectivesDialog</name>
    <message>
        <source>Objectives and KPIs</source>
        <translation>Objectives and KPIs</translation>
    </message>
    <message>
        <source>&amp;New objective</source>
        <translation>&amp;New objective</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>Add an &amp;indicator</source>
        <translation>Add an &amp;indicator</translation>
    </message>
    <message>
        <source>&amp;Remove the indicator</source>
        <translation>&amp;Remove the indicator</translation>
    </message>
    <message>
        <source>&amp;Save the objective</source>
        <translation>&amp;Save the objective</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Description:</translation>
    </message>
    <message>
        <source>KPIs:</source>
        <translation>KPIs:</translation>
    </message>
    <message>
        <source>No objectives yet</source>
        <translation>No objectives yet</translation>
    </message>
    <message>
        <source>An objective says what your posts are for beyond being present: donations, volunteers recruited, people made aware of your cause, requests for help received… Give each one a measurable indicator with a target (for example 5 volunteers a month); tag posts with it and follow its progress in the dashboard.</source>
        <translation>An objective says what your posts are for beyond being present: donations, volunteers recruited, people made aware of your cause, requests for help received… Give each one a measurable indicator with a target (for example 5 volunteers a month); tag posts with it and follow its progress in the dashboard.</translation>
    </message>
    <message>
        <source>Add an objective</source>
        <translation>Add an objective</translation>
    </message>
    <message>
        <source>Objectives</source>
        <translation>Objectives</translation>
    </message>
    <message>
        <source>Delete the objective?</source>
        <translation>Delete the objective?</translation>
    </message>
    <message>
        <source>Delete %1 and its indicators? Posts are no longer tagged with it.</source>
        <translation>Delete %1 and its indicators? Posts are no longer tagged with it.</translation>
    </message>
</context>
<context>
    <name>ObjectivesPage</name>
    <message>
        <source>What your posts are for</source>
        <translation>What your posts are for</translation>
    </message>
    <message>
        <source>Tick your objectives; give each indicator a target you can check at the end of the period.</source>
        <translation>Tick your objectives; give each indicator a target you can check at the end of the period.</translation>
    </message>
    <message>
        <source>&amp;Add an objective from scratch</source>
        <translation>&amp;Add an objective from scratch</translation>
    </message>
    <message>
        <source>people, requests, €…</source>
        <translation>people, requests, €…</translation>
    </message>
    <message>
        <source>&amp;Objective:</source>
        <translation>&amp;Objective:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Description:</translation>
    </message>
    <message>
        <source>&amp;Indicator (KPI):</source>
        <translation>&amp;Indicator (KPI):</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>&amp;Target:</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>&amp;Unit:</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <source>Beyond being present: the guide suggests measuring people made aware of your cause, requests for help received, volunteers recruited and donations.</source>
        <translation>Beyond being present: the guide suggests measuring people made aware of your cause, requests for help received, volunteers recruited and donations.</translation>
    </message>
    <message>
        <source>Measured from the networks&apos; statistics of your posts.</source>
        <translation>Measured from the networks&apos; statistics of your posts.</translation>
    </message>
    <message>
        <source>Counted by your team: Tools › Record an outcome…</source>
        <translation>Counted by your team: Tools › Record an outcome…</translation>
    </message>
    <message>
        <source>Every ticked objective needs a name.</source>
        <translation>Every ticked objective needs a name.</translation>
    </message>
    <message>
        <source>Two ticked objectives have the same name.</source>
        <translation>Two ticked objectives have the same name.</translation>
    </message>
    <message>
        <source>Every ticked objective needs an indicator, so that its progress can be measured.</source>
        <translation>Every ticked objective needs an indicator, so that its progress can be measured.</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <source>Record an outcome</source>
        <translation>Record an outcome</translation>
    </message>
    <message>
        <source>Results that matter beyond « being present »: donations received, volunteers signed up, help requests, workshop sign-ups…</source>
        <translation>Results that matter beyond « being present »: donations received, volunteers signed up, help requests, workshop sign-ups…</translation>
    </message>
    <message>
        <source>HelloAsso, cheque, stand at the market…</source>
        <translation>HelloAsso, cheque, stand at the market…</translation>
    </message>
    <message>
        <source>&amp;KPI:</source>
        <translation>&amp;KPI:</translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation>&amp;Amount:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Source:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <source>No KPI is fed by outcome entries yet. Add one to an objective first (for example « Dons reçus », source: outcome entries).</source>
        <translation>No KPI is fed by outcome entries yet. Add one to an objective first (for example « Dons reçus », source: outcome entries).</translation>
    </message>
</context>
<context>
    <name>OutcomeModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>KPI</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Objective</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>Minor</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
</context>
<context>
    <name>PeoplePanel</name>
    <message>
        <source>Faces could not be looked for: %1</source>
        <translation>Faces could not be looked for: %1</translation>
    </message>
    <message>
        <source>Who appears in this photo?</source>
        <translation>Who appears in this photo?</translation>
    </message>
    <message numerus="yes">
        <source>Image %1 (%2) seems to show %n face(s): say who appears in it, or that nobody can be recognised.</source>
        <translation>
            <numerusform>Image %1 (%2) seems to show %n face: say who appears in it, or that nobody can be recognised.</numerusform>
            <numerusform>Image %1 (%2) seems to show %n faces: say who appears in it, or that nobody can be recognised.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PersonForm</name>
    <message>
        <source>New person</source>
        <translation>New person</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>First name and last name</source>
        <translation>First name and last name</translation>
    </message>
    <message>
        <source>Email, phone or address</source>
        <translation>Email, phone or address</translation>
    </message>
    <message>
        <source>&amp;Minor (under 18)</source>
        <translation>&amp;Minor (under 18)</translation>
    </message>
    <message>
        <source>Who signs for them</source>
        <translation>Who signs for them</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Contact:</source>
        <translation>&amp;Contact:</translation>
    </message>
    <message>
        <source>Legal &amp;guardian:</source>
        <translation>Legal &amp;guardian:</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>N&amp;otes:</translation>
    </message>
</context>
<context>
    <name>PersonaListModel</name>
    <message>
        <source>%1, %2 years old</source>
        <translation>%1, %2 years old</translation>
    </message>
</context>
<context>
    <name>PersonasDialog</name>
    <message>
        <source>Delete the persona %1</source>
        <translation>Delete the persona %1</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>Personas</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>&amp;New persona</source>
        <translation>&amp;New persona</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>not given</translation>
    </message>
    <message>
        <source>What drives them, what they look for</source>
        <translation>What drives them, what they look for</translation>
    </message>
    <message>
        <source>Others, separated by commas (local groups, newsletter…)</source>
        <translation>Others, separated by commas (local groups, newsletter…)</translation>
    </message>
    <message>
        <source>Tips, testimonies, infographics, short videos…</source>
        <translation>Tips, testimonies, infographics, short videos…</translation>
    </message>
    <message>
        <source>&amp;Save the persona</source>
        <translation>&amp;Save the persona</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Age:</source>
        <translation>&amp;Age:</translation>
    </message>
    <message>
        <source>&amp;Segment:</source>
        <translation>&amp;Segment:</translation>
    </message>
    <message>
        <source>&amp;Motivation:</source>
        <translation>&amp;Motivation:</translation>
    </message>
    <message>
        <source>Net&amp;works used:</source>
        <translation>Net&amp;works used:</translation>
    </message>
    <message>
        <source>&amp;Expected content:</source>
        <translation>&amp;Expected content:</translation>
    </message>
    <message>
        <source>No personas yet</source>
        <translation>No personas yet</translation>
    </message>
    <message>
        <source>A persona is a portrait of someone your posts speak to: a retired beneficiary, a young volunteer, a donor… Give each one a name, what drives them, the networks they use and the content they expect; then tag each post with the personas it is for, and see who the month forgets.</source>
        <translation>A persona is a portrait of someone your posts speak to: a retired beneficiary, a young volunteer, a donor… Give each one a name, what drives them, the networks they use and the content they expect; then tag each post with the personas it is for, and see who the month forgets.</translation>
    </message>
    <message>
        <source>Add a persona</source>
        <translation>Add a persona</translation>
    </message>
    <message>
        <source>Delete %1? No post names this persona.</source>
        <translation>Delete %1? No post names this persona.</translation>
    </message>
    <message numerus="yes">
        <source>%1 is used by %n post(s)</source>
        <translation>
            <numerusform>%1 is used by %n post</numerusform>
            <numerusform>%1 is used by %n posts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n published)</source>
        <translation>
            <numerusform>(%n published)</numerusform>
            <numerusform>(%n published)</numerusform>
        </translation>
    </message>
    <message>
        <source>Published posts keep it: it is archived, hidden from the lists and from the coverage of the weeks to come. The others no longer name it.</source>
        <translation>Published posts keep it: it is archived, hidden from the lists and from the coverage of the weeks to come. The others no longer name it.</translation>
    </message>
    <message>
        <source>These posts keep their text; they no longer name this persona.</source>
        <translation>These posts keep their text; they no longer name this persona.</translation>
    </message>
    <message>
        <source>You can undo this with Ctrl+Z.</source>
        <translation>You can undo this with Ctrl+Z.</translation>
    </message>
    <message>
        <source>Delete the persona?</source>
        <translation>Delete the persona?</translation>
    </message>
</context>
<context>
    <name>PersonasPage</name>
    <message>
        <source>Who your posts speak to</source>
        <translation>Who your posts speak to</translation>
    </message>
    <message>
        <source>Tick the personas that resemble your public and adapt them, or write your own.</source>
        <translation>Tick the personas that resemble your public and adapt them, or write your own.</translation>
    </message>
    <message>
        <source>&amp;Add a persona from scratch</source>
        <translation>&amp;Add a persona from scratch</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>not given</translation>
    </message>
    <message>
        <source>Facebook, Instagram, local groups…</source>
        <translation>Facebook, Instagram, local groups…</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Age:</source>
        <translation>&amp;Age:</translation>
    </message>
    <message>
        <source>&amp;Segment:</source>
        <translation>&amp;Segment:</translation>
    </message>
    <message>
        <source>&amp;Motivation:</source>
        <translation>&amp;Motivation:</translation>
    </message>
    <message>
        <source>Net&amp;works used:</source>
        <translation>Net&amp;works used:</translation>
    </message>
    <message>
        <source>&amp;Expected content:</source>
        <translation>&amp;Expected content:</translation>
    </message>
    <message>
        <source>A persona is a portrait of someone your posts speak to. The three below are the examples of the communication guide ESS Planner follows; tick those you keep.</source>
        <translation>A persona is a portrait of someone your posts speak to. The three below are the examples of the communication guide ESS Planner follows; tick those you keep.</translation>
    </message>
    <message>
        <source>Every ticked persona needs a name.</source>
        <translation>Every ticked persona needs a name.</translation>
    </message>
    <message>
        <source>Two ticked personas have the same name.</source>
        <translation>Two ticked personas have the same name.</translation>
    </message>
</context>
<context>
    <name>PhotoRow</name>
    <message>
        <source>Who appears in this photo?</source>
        <extracomment>how many names the completer offers at most</extracomment>
        <translation>Who appears in this photo?</translation>
    </message>
    <message>
        <source>Type a name from the register…</source>
        <translation>Type a name from the register…</translation>
    </message>
    <message>
        <source>Add a person who appears in the photo</source>
        <translation>Add a person who appears in the photo</translation>
    </message>
    <message>
        <source>New person…</source>
        <translation>New person…</translation>
    </message>
    <message>
        <source>No identifiable person</source>
        <translation>No identifiable person</translation>
    </message>
    <message>
        <source>(erased)</source>
        <translation>(erased)</translation>
    </message>
    <message>
        <source>Remove %1 from this photo</source>
        <translation>Remove %1 from this photo</translation>
    </message>
    <message>
        <source>Looking for faces…</source>
        <translation>Looking for faces…</translation>
    </message>
    <message>
        <source>No face found.</source>
        <translation>No face found.</translation>
    </message>
    <message numerus="yes">
        <source>This photo seems to show %n face(s): can nobody really be recognised?</source>
        <translation>
            <numerusform>This photo seems to show %n face: can nobody really be recognised?</numerusform>
            <numerusform>This photo seems to show %n faces: can nobody really be recognised?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This photo seems to show %n face(s), none tagged.</source>
        <translation>
            <numerusform>This photo seems to show %n face, none tagged.</numerusform>
            <numerusform>This photo seems to show %n faces, none tagged.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This photo seems to show %n face(s), more than the people named (%1).</source>
        <translation>
            <numerusform>This photo seems to show %n face, more than the people named (%1).</numerusform>
            <numerusform>This photo seems to show %n faces, more than the people named (%1).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanningDialog</name>
    <message>
        <source>&amp;Edit the event…</source>
        <translation>&amp;Edit the event…</translation>
    </message>
    <message>
        <source>&amp;Prepare the posts…</source>
        <translation>&amp;Prepare the posts…</translation>
    </message>
    <message>
        <source>Events and campaigns</source>
        <translation>Events and campaigns</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>&amp;Add an event…</source>
        <translation>&amp;Add an event…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>Drafts for the announcement (D-14), the reminder (D-1), the day and the thanks (D+1)</source>
        <translation>Drafts for the announcement (D-14), the reminder (D-1), the day and the thanks (D+1)</translation>
    </message>
    <message>
        <source>E&amp;vents</source>
        <translation>E&amp;vents</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Objective</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Posts</translation>
    </message>
    <message>
        <source>Add a &amp;campaign…</source>
        <translation>Add a &amp;campaign…</translation>
    </message>
    <message>
        <source>Ca&amp;mpaigns</source>
        <translation>Ca&amp;mpaigns</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <source>Add the event “%1”</source>
        <translation>Add the event “%1”</translation>
    </message>
    <message>
        <source>Change the event “%1”</source>
        <translation>Change the event “%1”</translation>
    </message>
    <message>
        <source>Delete the event “%1”</source>
        <translation>Delete the event “%1”</translation>
    </message>
    <message>
        <source>Add the campaign “%1”</source>
        <translation>Add the campaign “%1”</translation>
    </message>
    <message>
        <source>Change the campaign “%1”</source>
        <translation>Change the campaign “%1”</translation>
    </message>
    <message>
        <source>Delete the campaign</source>
        <translation>Delete the campaign</translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) belong to this campaign. Delete the campaign? The posts stay, in no campaign.</source>
        <translation>
            <numerusform>%n post belongs to this campaign. Delete the campaign? The post stays, in no campaign.</numerusform>
            <numerusform>%n posts belong to this campaign. Delete the campaign? The posts stay, in no campaign.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete the campaign “%1”</source>
        <translation>Delete the campaign “%1”</translation>
    </message>
</context>
<context>
    <name>PostActions</name>
    <message>
        <source>ESS Planner</source>
        <extracomment>time given to a post without one when it is dropped on a day</extracomment>
        <translation>ESS Planner</translation>
    </message>
    <message>
        <source>This post was changed elsewhere since the calendar showed it; it was not moved. The calendar is up to date now: try again.</source>
        <translation>This post was changed elsewhere since the calendar showed it; it was not moved. The calendar is up to date now: try again.</translation>
    </message>
    <message>
        <source>“%1” has already gone out on some accounts; it stays where it is.</source>
        <translation>“%1” has already gone out on some accounts; it stays where it is.</translation>
    </message>
    <message>
        <source>Move “%1” to %2</source>
        <translation>Move “%1” to %2</translation>
    </message>
    <message>
        <source>Move a recurring post</source>
        <translation>Move a recurring post</translation>
    </message>
    <message numerus="yes">
        <source>Move %n post(s)</source>
        <translation>
            <numerusform>Move %n post</numerusform>
            <numerusform>Move %n posts</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete the post?</source>
        <translation>Delete the post?</translation>
    </message>
    <message>
        <source>“%1” is online on %2. Deleting it here does not remove it from there; ESS Planner only forgets it. Delete it?</source>
        <translation>“%1” is online on %2. Deleting it here does not remove it from there; ESS Planner only forgets it. Delete it?</translation>
    </message>
    <message>
        <source>Delete “%1”</source>
        <translation>Delete “%1”</translation>
    </message>
    <message>
        <source>Delete a recurring post</source>
        <translation>Delete a recurring post</translation>
    </message>
    <message>
        <source>Post deleted. Undo with Ctrl+Z.</source>
        <translation>Post deleted. Undo with Ctrl+Z.</translation>
    </message>
    <message>
        <source>Create “%1”</source>
        <translation>Create “%1”</translation>
    </message>
    <message>
        <source>Edit “%1”</source>
        <translation>Edit “%1”</translation>
    </message>
</context>
<context>
    <name>PostEditor</name>
    <message>
        <source>%1 (archived)</source>
        <translation>%1 (archived)</translation>
    </message>
    <message>
        <source>time zone %1</source>
        <translation>time zone %1</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Repeat:</translation>
    </message>
    <message>
        <source>Ca&amp;mpaign:</source>
        <translation>Ca&amp;mpaign:</translation>
    </message>
    <message>
        <source>Sent text</source>
        <translation>Sent text</translation>
    </message>
    <message>
        <source>Choose an account to see the preview.</source>
        <translation>Choose an account to see the preview.</translation>
    </message>
    <message>
        <source>New post</source>
        <translation>New post</translation>
    </message>
    <message>
        <source>The draft could not be autosaved: %1</source>
        <translation>The draft could not be autosaved: %1</translation>
    </message>
    <message>
        <source>Fix the problems listed on the right before scheduling, or untick “Publish automatically” to save a draft.</source>
        <translation>Fix the problems listed on the right before scheduling, or untick “Publish automatically” to save a draft.</translation>
    </message>
    <message>
        <source>A post that went out cannot start repeating: duplicate it, then choose how the copy repeats.</source>
        <translation>A post that went out cannot start repeating: duplicate it, then choose how the copy repeats.</translation>
    </message>
    <message>
        <source>Choose the date of the first post.</source>
        <translation>Choose the date of the first post.</translation>
    </message>
    <message>
        <source>Create the recurring post “%1”</source>
        <translation>Create the recurring post “%1”</translation>
    </message>
    <message>
        <source>Make “%1” repeat</source>
        <translation>Make “%1” repeat</translation>
    </message>
    <message>
        <source>To stop the repeat, delete this occurrence and the following ones from the calendar.</source>
        <translation>To stop the repeat, delete this occurrence and the following ones from the calendar.</translation>
    </message>
    <message>
        <source>Save a recurring post</source>
        <translation>Save a recurring post</translation>
    </message>
    <message>
        <source>A new repeat applies to this occurrence and the following ones, or to all of them.</source>
        <translation>A new repeat applies to this occurrence and the following ones, or to all of them.</translation>
    </message>
    <message>
        <source>Edit the recurring post “%1”</source>
        <translation>Edit the recurring post “%1”</translation>
    </message>
    <message>
        <source>Choose at least one account for the post before adding it to the queue.</source>
        <translation>Choose at least one account for the post before adding it to the queue.</translation>
    </message>
    <message>
        <source>Fix the problems listed on the right before adding the post to the queue.</source>
        <translation>Fix the problems listed on the right before adding the post to the queue.</translation>
    </message>
    <message>
        <source>Add to the queue</source>
        <translation>Add to the queue</translation>
    </message>
    <message>
        <source>Publish a post not approved?</source>
        <translation>Publish a post not approved?</translation>
    </message>
    <message>
        <source>This post is at the stage “%1”, not “Approved”. Publish it automatically anyway?</source>
        <translation>This post is at the stage “%1”, not “Approved”. Publish it automatically anyway?</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Published</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>on %1</translation>
    </message>
    <message>
        <source>Open on the network</source>
        <translation>Open on the network</translation>
    </message>
    <message>
        <source>The post is online</source>
        <translation>The post is online</translation>
    </message>
    <message>
        <source>“%1” is already online on %2. Changes made here would not reach the network.</source>
        <translation>“%1” is already online on %2. Changes made here would not reach the network.</translation>
    </message>
    <message>
        <source>Make a new post from it, to edit and publish?</source>
        <translation>Make a new post from it, to edit and publish?</translation>
    </message>
    <message>
        <source>Make a &amp;new post</source>
        <translation>Make a &amp;new post</translation>
    </message>
    <message>
        <source>&amp;Open on the network</source>
        <translation>&amp;Open on the network</translation>
    </message>
    <message>
        <source>&amp;Copy link</source>
        <translation>&amp;Copy link</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>D&amp;uplicate</translation>
    </message>
    <message>
        <source>&amp;Publish now</source>
        <translation>&amp;Publish now</translation>
    </message>
    <message>
        <source>Save as &amp;template…</source>
        <translation>Save as &amp;template…</translation>
    </message>
    <message>
        <source>Save your changes first: the template is made from the saved post.</source>
        <translation>Save your changes first: the template is made from the saved post.</translation>
    </message>
    <message>
        <source>The post goes out now.</source>
        <translation>The post goes out now.</translation>
    </message>
    <message>
        <source>This post was deleted elsewhere. Your text is still here: save it to make it a new post.</source>
        <translation>This post was deleted elsewhere. Your text is still here: save it to make it a new post.</translation>
    </message>
    <message>
        <source>Someone else just changed this post: their version is shown.</source>
        <translation>Someone else just changed this post: their version is shown.</translation>
    </message>
    <message>
        <source>Someone else just saved this post. Keep writing: when you save, you will see both versions and choose.</source>
        <translation>Someone else just saved this post. Keep writing: when you save, you will see both versions and choose.</translation>
    </message>
    <message>
        <source>Their version is shown; your text is on the clipboard.</source>
        <translation>Their version is shown; your text is on the clipboard.</translation>
    </message>
    <message>
        <source>Changed elsewhere</source>
        <translation>Changed elsewhere</translation>
    </message>
    <message>
        <source>&amp;Reload the post</source>
        <translation>&amp;Reload the post</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>&amp;Keep editing</translation>
    </message>
    <message>
        <source>Reloading shows the other person&apos;s version; your text is copied to the clipboard first.</source>
        <translation>Reloading shows the other person&apos;s version; your text is copied to the clipboard first.</translation>
    </message>
    <message>
        <source>The post was reloaded; your text is on the clipboard.</source>
        <translation>The post was reloaded; your text is on the clipboard.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Save the changes to this post before closing?</source>
        <translation>Save the changes to this post before closing?</translation>
    </message>
</context>
<context>
    <name>PreparePostsDialog</name>
    <message>
        <source>Prepare the posts</source>
        <translation>Prepare the posts</translation>
    </message>
    <message>
        <source>Drafts for “%1”: tick those you want and change their times.</source>
        <translation>Drafts for “%1”: tick those you want and change their times.</translation>
    </message>
    <message>
        <source>Prepare the posts of “%1”</source>
        <translation>Prepare the posts of “%1”</translation>
    </message>
    <message>
        <source>No event to come: add one with Tools › Events and campaigns…</source>
        <translation>No event to come: add one with Tools › Events and campaigns…</translation>
    </message>
    <message>
        <source>Event:</source>
        <translation>Event:</translation>
    </message>
</context>
<context>
    <name>PreviewCard</name>
    <message>
        <source>(no text)</source>
        <translation>(no text)</translation>
    </message>
    <message>
        <source>Link:</source>
        <translation>Link:</translation>
    </message>
    <message>
        <source>%1 of %2 characters</source>
        <translation>%1 of %2 characters</translation>
    </message>
    <message>
        <source>%1 characters</source>
        <translation>%1 characters</translation>
    </message>
    <message>
        <source>the part in red does not fit</source>
        <translation>the part in red does not fit</translation>
    </message>
    <message>
        <source>links are not clickable in captions on this network</source>
        <translation>links are not clickable in captions on this network</translation>
    </message>
    <message numerus="yes">
        <source>+%n more image(s)</source>
        <translation>
            <numerusform>+%n more image</numerusform>
            <numerusform>+%n more images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProofModel</name>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
</context>
<context>
    <name>ProposalModel</name>
    <message>
        <source>♻ Reuse “%1” (from %2)</source>
        <translation>♻ Reuse “%1” (from %2)</translation>
    </message>
    <message>
        <source>✎ New post from the template “%1”</source>
        <translation>✎ New post from the template “%1”</translation>
    </message>
</context>
<context>
    <name>PublishingHost</name>
    <message>
        <source>Publish in the &amp;background</source>
        <translation>Publish in the &amp;background</translation>
    </message>
    <message>
        <source>Scheduled posts go out while the window is closed, and from the next login on</source>
        <translation>Scheduled posts go out while the window is closed, and from the next login on</translation>
    </message>
    <message>
        <source>The background service is not running: publishing from this window</source>
        <translation>The background service is not running: publishing from this window</translation>
    </message>
    <message>
        <source>Publishing from this window</source>
        <translation>Publishing from this window</translation>
    </message>
    <message>
        <source>Publishing in the background (process %1)</source>
        <translation>Publishing in the background (process %1)</translation>
    </message>
    <message>
        <source>Another ESS Planner window is publishing (process %1)</source>
        <translation>Another ESS Planner window is publishing (process %1)</translation>
    </message>
    <message>
        <source>Starting the background publishing service…</source>
        <translation>Starting the background publishing service…</translation>
    </message>
    <message>
        <source>Not publishing</source>
        <translation>Not publishing</translation>
    </message>
    <message>
        <source>Publishing in the background</source>
        <translation>Publishing in the background</translation>
    </message>
    <message>
        <source>ESS Planner</source>
        <translation>ESS Planner</translation>
    </message>
    <message numerus="yes">
        <source>%n posts are scheduled; they will go out in the background.</source>
        <translation>
            <numerusform>%n post is scheduled; it will go out in the background.</numerusform>
            <numerusform>%n posts are scheduled; they will go out in the background.</numerusform>
        </translation>
    </message>
    <message>
        <source>The publishing service keeps running when the window is closed, and starts again when you log in.</source>
        <translation>The publishing service keeps running when the window is closed, and starts again when you log in.</translation>
    </message>
    <message>
        <source>Do not show this again</source>
        <translation>Do not show this again</translation>
    </message>
    <message>
        <source>&amp;Close the window</source>
        <translation>&amp;Close the window</translation>
    </message>
    <message numerus="yes">
        <source>%n posts are scheduled; they will NOT go out while ESS Planner is closed.</source>
        <translation>
            <numerusform>%n post is scheduled; it will NOT go out while ESS Planner is closed.</numerusform>
            <numerusform>%n posts are scheduled; they will NOT go out while ESS Planner is closed.</numerusform>
        </translation>
    </message>
    <message>
        <source>Publishing in the background sends them on time while the window is closed, and from the next login on.</source>
        <translation>Publishing in the background sends them on time while the window is closed, and from the next login on.</translation>
    </message>
    <message>
        <source>&amp;Publish in the background</source>
        <translation>&amp;Publish in the background</translation>
    </message>
    <message>
        <source>&amp;Quit without publishing</source>
        <translation>&amp;Quit without publishing</translation>
    </message>
</context>
<context>
    <name>PublishingPage</name>
    <message>
        <source>Publishing while the window is closed</source>
        <translation>Publishing while the window is closed</translation>
    </message>
    <message>
        <source>Publish in the &amp;background</source>
        <translation>Publish in the &amp;background</translation>
    </message>
    <message>
        <source>Posts go out even when the window is closed.</source>
        <translation>Posts go out even when the window is closed.</translation>
    </message>
    <message>
        <source>Everything can be changed later: Edit › Preferences, Tools › Personas, Objectives and Accounts.</source>
        <translation>Everything can be changed later: Edit › Preferences, Tools › Personas, Objectives and Accounts.</translation>
    </message>
</context>
<context>
    <name>PublishingTray</name>
    <message>
        <source>Publishing…</source>
        <extracomment>delivery changes are merged for this long before the views redraw notifications arriving within this time become one</extracomment>
        <translation>Publishing…</translation>
    </message>
    <message>
        <source>&amp;Publish due posts now</source>
        <translation>&amp;Publish due posts now</translation>
    </message>
    <message>
        <source>&amp;Show ESS Planner</source>
        <translation>&amp;Show ESS Planner</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>ESS Planner: publishing scheduled posts</source>
        <translation>ESS Planner: publishing scheduled posts</translation>
    </message>
    <message>
        <source>ESS Planner: %1</source>
        <translation>ESS Planner: %1</translation>
    </message>
    <message>
        <source>Post not published</source>
        <translation>Post not published</translation>
    </message>
    <message>
        <source>Post to check</source>
        <translation>Post to check</translation>
    </message>
    <message>
        <source>Post missed</source>
        <translation>Post missed</translation>
    </message>
    <message>
        <source>Post needs attention</source>
        <translation>Post needs attention</translation>
    </message>
    <message numerus="yes">
        <source>%n posts need your attention</source>
        <translation>
            <numerusform>%n post needs your attention</numerusform>
            <numerusform>%n posts need your attention</numerusform>
        </translation>
    </message>
    <message>
        <source>ESS Planner is still running</source>
        <translation>ESS Planner is still running</translation>
    </message>
    <message>
        <source>Your scheduled posts will go out on time. Quit from this icon&apos;s menu.</source>
        <translation>Your scheduled posts will go out on time. Quit from this icon&apos;s menu.</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Queued posts</source>
        <translation>Queued posts</translation>
    </message>
    <message>
        <source>Drag a post up or down: the posts keep the same slots and take them in the new order (Edit › Undo puts them back). A post for several accounts goes out at one time on all of them: the queue gives it the earliest slot free on every one.</source>
        <translation>Drag a post up or down: the posts keep the same slots and take them in the new order (Edit › Undo puts them back). A post for several accounts goes out at one time on all of them: the queue gives it the earliest slot free on every one.</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>All accounts</translation>
    </message>
</context>
<context>
    <name>QuitDialog</name>
    <message>
        <source>Posts being sent</source>
        <translation>Posts being sent</translation>
    </message>
    <message>
        <source>ESS Planner quits as soon as these posts are sent:</source>
        <translation>ESS Planner quits as soon as these posts are sent:</translation>
    </message>
    <message>
        <source>&amp;Quit anyway</source>
        <translation>&amp;Quit anyway</translation>
    </message>
    <message>
        <source>The posts being sent are checked on their network at the next start; none is sent twice.</source>
        <translation>The posts being sent are checked on their network at the next start; none is sent twice.</translation>
    </message>
    <message>
        <source>&amp;Let the background service finish it</source>
        <translation>&amp;Let the background service finish it</translation>
    </message>
    <message>
        <source>ESS Planner quits now; the background publishing service checks these posts and goes on with the others.</source>
        <translation>ESS Planner quits now; the background publishing service checks these posts and goes on with the others.</translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message>
        <source>waiting…</source>
        <translation>waiting…</translation>
    </message>
    <message>
        <source>The network has not answered yet. Quitting now does not lose the post: it is checked before anything is sent again.</source>
        <translation>The network has not answered yet. Quitting now does not lose the post: it is checked before anything is sent again.</translation>
    </message>
</context>
<context>
    <name>RepeatSection</name>
    <message>
        <source>Does not repeat</source>
        <translation>Does not repeat</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Every day</translation>
    </message>
    <message>
        <source>Every week</source>
        <translation>Every week</translation>
    </message>
    <message>
        <source>Every month</source>
        <translation>Every month</translation>
    </message>
    <message>
        <source>Every year</source>
        <translation>Every year</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>Every</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>Interval</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>On a date</source>
        <translation>On a date</translation>
    </message>
    <message>
        <source>After a number of times</source>
        <translation>After a number of times</translation>
    </message>
    <message>
        <source>Without an end, the posts are made %1 days ahead, then as time goes by.</source>
        <translation>Without an end, the posts are made %1 days ahead, then as time goes by.</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Ends</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Last day</translation>
    </message>
    <message>
        <source>Number of times</source>
        <translation>Number of times</translation>
    </message>
    <message>
        <source>E&amp;nds:</source>
        <translation>E&amp;nds:</translation>
    </message>
    <message>
        <source>Next occurrences</source>
        <translation>Next occurrences</translation>
    </message>
    <message>
        <source>On day %1</source>
        <translation>On day %1</translation>
    </message>
    <message>
        <source>On the first %1</source>
        <translation>On the first %1</translation>
    </message>
    <message>
        <source>On the second %1</source>
        <translation>On the second %1</translation>
    </message>
    <message>
        <source>On the third %1</source>
        <translation>On the third %1</translation>
    </message>
    <message>
        <source>On the fourth %1</source>
        <translation>On the fourth %1</translation>
    </message>
    <message>
        <source>On the last %1</source>
        <translation>On the last %1</translation>
    </message>
    <message numerus="yes">
        <source>day(s)</source>
        <translation>
            <numerusform>day</numerusform>
            <numerusform>days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>week(s)</source>
        <translation>
            <numerusform>week</numerusform>
            <numerusform>weeks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>month(s)</source>
        <translation>
            <numerusform>month</numerusform>
            <numerusform>months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>year(s)</source>
        <translation>
            <numerusform>year</numerusform>
            <numerusform>years</numerusform>
        </translation>
    </message>
    <message>
        <source>Every</source>
        <comment>before a number of weeks</comment>
        <translation>Every</translation>
    </message>
    <message numerus="yes">
        <source> time(s)</source>
        <translation>
            <numerusform> time</numerusform>
            <numerusform> times</numerusform>
        </translation>
    </message>
    <message>
        <source>Months without a day %1 are skipped: no post in those months.</source>
        <translation>Months without a day %1 are skipped: no post in those months.</translation>
    </message>
    <message>
        <source>No occurrence: the end comes before the first one.</source>
        <translation>No occurrence: the end comes before the first one.</translation>
    </message>
    <message>
        <source>Next times:</source>
        <translation>Next times:</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Report for the board and funders</source>
        <translation>Report for the board and funders</translation>
    </message>
    <message>
        <source>PDF, to print or send</source>
        <translation>PDF, to print or send</translation>
    </message>
    <message>
        <source>CSV, for a spreadsheet</source>
        <translation>CSV, for a spreadsheet</translation>
    </message>
    <message>
        <source>Name of the organisation (optional)</source>
        <translation>Name of the organisation (optional)</translation>
    </message>
    <message>
        <source>Count the posts of test accounts (nothing was sent on them)</source>
        <translation>Count the posts of test accounts (nothing was sent on them)</translation>
    </message>
    <message>
        <source>Posts by objective and persona, each KPI against its target, reach, the best posts and the gaps to fill, for the period you choose.</source>
        <translation>Posts by objective and persona, each KPI against its target, reach, the best posts and the gaps to fill, for the period you choose.</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>F&amp;ormat:</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>CSV tables (*.csv)</source>
        <translation>CSV tables (*.csv)</translation>
    </message>
    <message>
        <source>The end of the period is before its start.</source>
        <translation>The end of the period is before its start.</translation>
    </message>
    <message>
        <source>Report saved to %1.</source>
        <translation>Report saved to %1.</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>Review list</source>
        <translation>Review list</translation>
    </message>
    <message>
        <source>&amp;Review list</source>
        <translation>&amp;Review list</translation>
    </message>
</context>
<context>
    <name>ReviewBar</name>
    <message>
        <source>Su&amp;bmit for review…</source>
        <translation>Su&amp;bmit for review…</translation>
    </message>
    <message>
        <source>A&amp;pprove…</source>
        <translation>A&amp;pprove…</translation>
    </message>
    <message>
        <source>Request chan&amp;ges…</source>
        <translation>Request chan&amp;ges…</translation>
    </message>
</context>
<context>
    <name>ReviewModel</name>
    <message>
        <source>Post</source>
        <extracomment>approved before, edited since: back in review</extracomment>
        <translation>Post</translation>
    </message>
    <message>
        <source>Submitted by</source>
        <translation>Submitted by</translation>
    </message>
    <message>
        <source>Submitted on</source>
        <translation>Submitted on</translation>
    </message>
    <message>
        <source>Planned for</source>
        <translation>Planned for</translation>
    </message>
    <message>
        <source>%1 (changed since its approval)</source>
        <translation>%1 (changed since its approval)</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>no date</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>Posts waiting for review</source>
        <translation>Posts waiting for review</translation>
    </message>
    <message>
        <source>Nothing waiting for review</source>
        <translation>Nothing waiting for review</translation>
    </message>
    <message>
        <source>Posts submitted for review appear here, oldest first, until an approver approves them or asks for changes.</source>
        <translation>Posts submitted for review appear here, oldest first, until an approver approves them or asks for changes.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
</context>
<context>
    <name>ReviewWatch</name>
    <message>
        <source>Post to review</source>
        <translation>Post to review</translation>
    </message>
    <message>
        <source>%1 submitted “%2” for review.</source>
        <translation>%1 submitted “%2” for review.</translation>
    </message>
    <message numerus="yes">
        <source>%n posts to review</source>
        <translation>
            <numerusform>%n post to review</numerusform>
            <numerusform>%n posts to review</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 mentioned you</source>
        <translation>%1 mentioned you</translation>
    </message>
    <message>
        <source>On “%1”: %2</source>
        <translation>On “%1”: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n comments mention you</source>
        <translation>
            <numerusform>%n comment mentions you</numerusform>
            <numerusform>%n comments mention you</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search results</source>
        <translation>Search results</translation>
    </message>
    <message>
        <source>No post contains “%1”, at any date.</source>
        <translation>No post contains “%1”, at any date.</translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) found; the first %1 are listed.</source>
        <translation>
            <numerusform>%n post found; the first %1 are listed.</numerusform>
            <numerusform>%n posts found; the first %1 are listed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) found, at every date.</source>
        <translation>
            <numerusform>%n post found, at every date.</numerusform>
            <numerusform>%n posts found, at every date.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Networks</source>
        <translation>Networks</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>No date</translation>
    </message>
</context>
<context>
    <name>SeriesMark</name>
    <message>
        <source>Repeats</source>
        <translation>Repeats</translation>
    </message>
    <message>
        <source>Repeats: %1</source>
        <translation>Repeats: %1</translation>
    </message>
</context>
<context>
    <name>SeriesScope</name>
    <message>
        <source>This post repeats. Apply the change to:</source>
        <translation>This post repeats. Apply the change to:</translation>
    </message>
    <message>
        <source>This occurrence</source>
        <translation>This occurrence</translation>
    </message>
    <message>
        <source>This and the following</source>
        <translation>This and the following</translation>
    </message>
    <message>
        <source>All occurrences</source>
        <translation>All occurrences</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <source>Applies at the next start.</source>
        <translation>Applies at the next start.</translation>
    </message>
    <message>
        <source>Language and time</source>
        <translation>Language and time</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>&amp;Time zone:</translation>
    </message>
    <message>
        <source>Posts are planned and shown in this time zone.</source>
        <translation>Posts are planned and shown in this time zone.</translation>
    </message>
    <message>
        <source>Publish in the &amp;background</source>
        <translation>Publish in the &amp;background</translation>
    </message>
    <message>
        <source>Start the background publishing at &amp;login</source>
        <translation>Start the background publishing at &amp;login</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Show &amp;notifications (published, failed, needs attention)</source>
        <translation>Show &amp;notifications (published, failed, needs attention)</translation>
    </message>
    <message>
        <source>Publishing</source>
        <translation>Publishing</translation>
    </message>
    <message>
        <source>Posts go out even when the window is closed.</source>
        <translation>Posts go out even when the window is closed.</translation>
    </message>
    <message>
        <source>&amp;Grace period for missed posts:</source>
        <translation>&amp;Grace period for missed posts:</translation>
    </message>
    <message>
        <source>A post that could not go out at its time (computer off) still goes out if it is less late than this; otherwise you are asked what to do. Applies to accounts connected from now on.</source>
        <translation>A post that could not go out at its time (computer off) still goes out if it is less late than this; otherwise you are asked what to do. Applies to accounts connected from now on.</translation>
    </message>
    <message>
        <source>Refuse to schedule a post whose image &amp;description says nothing</source>
        <translation>Refuse to schedule a post whose image &amp;description says nothing</translation>
    </message>
    <message>
        <source>An empty description, a file name, “photo” or a few letters: without this, the editor only warns.</source>
        <translation>An empty description, a file name, “photo” or a few letters: without this, the editor only warns.</translation>
    </message>
    <message>
        <source>Back up the database and the media every &amp;day</source>
        <translation>Back up the database and the media every &amp;day</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>&amp;Backups kept:</source>
        <translation>&amp;Backups kept:</translation>
    </message>
    <message>
        <source>Where the data lives</source>
        <translation>Where the data lives</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>Data folder:</translation>
    </message>
    <message>
        <source>Settings:</source>
        <translation>Settings:</translation>
    </message>
    <message>
        <source>Backups:</source>
        <translation>Backups:</translation>
    </message>
    <message>
        <source>Logs:</source>
        <translation>Logs:</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Database:</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>The preferences could not be saved: %1</source>
        <translation>The preferences could not be saved: %1</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>New post</source>
        <translation>New post</translation>
    </message>
    <message>
        <source>New post from a template</source>
        <translation>New post from a template</translation>
    </message>
    <message>
        <source>Month, week or agenda view</source>
        <translation>Month, week or agenda view</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Previous / next month or week</source>
        <translation>Previous / next month or week</translation>
    </message>
    <message>
        <source>Go to a date</source>
        <translation>Go to a date</translation>
    </message>
    <message>
        <source>Refresh: read again what other programs changed</source>
        <translation>Refresh: read again what other programs changed</translation>
    </message>
    <message>
        <source>Arrows</source>
        <translation>Arrows</translation>
    </message>
    <message>
        <source>Move between days (month) or posts (week)</source>
        <translation>Move between days (month) or posts (week)</translation>
    </message>
    <message>
        <source>Previous / next post of the day</source>
        <translation>Previous / next post of the day</translation>
    </message>
    <message>
        <source>Open the post (or write one on that day)</source>
        <translation>Open the post (or write one on that day)</translation>
    </message>
    <message>
        <source>Move the post one day later / earlier</source>
        <translation>Move the post one day later / earlier</translation>
    </message>
    <message>
        <source>Delete the post</source>
        <translation>Delete the post</translation>
    </message>
    <message>
        <source>Undo / redo (moves, edits, deletions)</source>
        <translation>Undo / redo (moves, edits, deletions)</translation>
    </message>
    <message>
        <source>Search titles and texts</source>
        <translation>Search titles and texts</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <source>Personas / objectives</source>
        <translation>Personas / objectives</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>Image rights: people and consents</source>
        <translation>Image rights: people and consents</translation>
    </message>
    <message>
        <source>Dashboard / coverage by persona and objective</source>
        <translation>Dashboard / coverage by persona and objective</translation>
    </message>
    <message>
        <source>Record an outcome / board report</source>
        <translation>Record an outcome / board report</translation>
    </message>
    <message>
        <source>Editor: save</source>
        <translation>Editor: save</translation>
    </message>
    <message>
        <source>Editor: save and schedule</source>
        <translation>Editor: save and schedule</translation>
    </message>
    <message>
        <source>Editor: close (asks before losing changes)</source>
        <translation>Editor: close (asks before losing changes)</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
</context>
<context>
    <name>SlotsEditor</name>
    <message>
        <source>for example: mon 09:00, wed 18:30</source>
        <translation>for example: mon 09:00, wed 18:30</translation>
    </message>
    <message>
        <source>Weekly times, in the workspace&apos;s time zone, at which “Add to the queue” places this account&apos;s posts. Changing them moves no scheduled post.</source>
        <translation>Weekly times, in the workspace&apos;s time zone, at which “Add to the queue” places this account&apos;s posts. Changing them moves no scheduled post.</translation>
    </message>
    <message>
        <source>Posting &amp;slots:</source>
        <translation>Posting &amp;slots:</translation>
    </message>
    <message>
        <source>Save slots</source>
        <translation>Save slots</translation>
    </message>
    <message>
        <source>Posting slots</source>
        <translation>Posting slots</translation>
    </message>
    <message numerus="yes">
        <source>%n queued post(s) no longer sit on a slot of this account. They were not moved. Put them on the next free slots now?</source>
        <translation>
            <numerusform>%n queued post no longer sit on a slot of this account. They were not moved. Put them on the next free slots now?</numerusform>
            <numerusform>%n queued posts no longer sit on a slot of this account. They were not moved. Put them on the next free slots now?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Team</name>
    <message>
        <source>Contributor</source>
        <translation>Contributor</translation>
    </message>
    <message>
        <source>Approver</source>
        <translation>Approver</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>writes posts and submits them for review</source>
        <translation>writes posts and submits them for review</translation>
    </message>
    <message>
        <source>approves posts and schedules them</source>
        <translation>approves posts and schedules them</translation>
    </message>
    <message>
        <source>approves posts, manages the accounts, the settings and the people</source>
        <translation>approves posts, manages the accounts, the settings and the people</translation>
    </message>
    <message>
        <source>“%1” is not an e-mail address.</source>
        <translation>“%1” is not an e-mail address.</translation>
    </message>
    <message>
        <source>Give your name too: your teammates see it on what you write.</source>
        <translation>Give your name too: your teammates see it on what you write.</translation>
    </message>
</context>
<context>
    <name>TeamPreferences</name>
    <message>
        <source>You and your team</source>
        <translation>You and your team</translation>
    </message>
    <message>
        <source>Your role: %1 (%2)</source>
        <translation>Your role: %1 (%2)</translation>
    </message>
    <message>
        <source>Posts need &amp;approval before they are scheduled</source>
        <translation>Posts need &amp;approval before they are scheduled</translation>
    </message>
    <message>
        <source>For the whole team: a post goes out at its time only once an approver has approved it; editing an approved post sends it back to review.</source>
        <translation>For the whole team: a post goes out at its time only once an approver has approved it; editing an approved post sends it back to review.</translation>
    </message>
</context>
<context>
    <name>TeamSection</name>
    <message>
        <source>Discussion</source>
        <translation>Discussion</translation>
    </message>
    <message>
        <source>Only an approver approves a post.</source>
        <translation>Only an approver approves a post.</translation>
    </message>
    <message>
        <source>Save the post to discuss it with the team.</source>
        <translation>Save the post to discuss it with the team.</translation>
    </message>
    <message>
        <source>Discussion (%1)</source>
        <translation>Discussion (%1)</translation>
    </message>
    <message>
        <source>Back in review: edited by %1 on %2 after its approval.</source>
        <translation>Back in review: edited by %1 on %2 after its approval.</translation>
    </message>
    <message>
        <source>In review: submitted by %1 on %2.</source>
        <translation>In review: submitted by %1 on %2.</translation>
    </message>
    <message>
        <source>In review.</source>
        <translation>In review.</translation>
    </message>
    <message>
        <source>Approved by %1 on %2.</source>
        <translation>Approved by %1 on %2.</translation>
    </message>
    <message>
        <source>Approved.</source>
        <translation>Approved.</translation>
    </message>
    <message>
        <source>%1 asked for changes: %2</source>
        <translation>%1 asked for changes: %2</translation>
    </message>
    <message>
        <source>Stage: %1. Submit it when it is ready for an approver.</source>
        <translation>Stage: %1. Submit it when it is ready for an approver.</translation>
    </message>
    <message>
        <source>(The team&apos;s rule: a post goes out only once approved.)</source>
        <translation>(The team&apos;s rule: a post goes out only once approved.)</translation>
    </message>
    <message>
        <source>Save your changes first: the review is of the saved post.</source>
        <translation>Save your changes first: the review is of the saved post.</translation>
    </message>
    <message>
        <source>Submit for review</source>
        <translation>Submit for review</translation>
    </message>
    <message>
        <source>“%1” goes to the approvers&apos; review list.</source>
        <translation>“%1” goes to the approvers&apos; review list.</translation>
    </message>
    <message>
        <source>&amp;Submit</source>
        <translation>&amp;Submit</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Approve “%1”: it can then go out at its time.</source>
        <translation>Approve “%1”: it can then go out at its time.</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Approve</translation>
    </message>
    <message>
        <source>Request changes</source>
        <translation>Request changes</translation>
    </message>
    <message>
        <source>Say what should change in “%1”; its author sees it in the discussion.</source>
        <translation>Say what should change in “%1”; its author sees it in the discussion.</translation>
    </message>
    <message>
        <source>&amp;Request changes</source>
        <translation>&amp;Request changes</translation>
    </message>
</context>
<context>
    <name>TemplateListModel</name>
    <message>
        <source>%1 (yours)</source>
        <extracomment>the role holding a row&apos;s :class:`PostTemplate`</extracomment>
        <translation>%1 (yours)</translation>
    </message>
</context>
<context>
    <name>TemplatePicker</name>
    <message>
        <source>Call to action</source>
        <translation>Call to action</translation>
    </message>
    <message>
        <source>Hashtags</source>
        <translation>Hashtags</translation>
    </message>
    <message>
        <source>Speaks to</source>
        <translation>Speaks to</translation>
    </message>
    <message>
        <source>none of yours yet</source>
        <translation>none of yours yet</translation>
    </message>
    <message>
        <source>Your personas</source>
        <translation>Your personas</translation>
    </message>
    <message>
        <source>Objectives</source>
        <translation>Objectives</translation>
    </message>
    <message>
        <source>Your objectives</source>
        <translation>Your objectives</translation>
    </message>
    <message>
        <source>Networks</source>
        <translation>Networks</translation>
    </message>
    <message>
        <source>New post from template</source>
        <translation>New post from template</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Templates</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>&amp;Create the post</source>
        <translation>&amp;Create the post</translation>
    </message>
    <message>
        <source>&amp;Delete this template</source>
        <translation>&amp;Delete this template</translation>
    </message>
    <message>
        <source>Delete the template “%1”?</source>
        <translation>Delete the template “%1”?</translation>
    </message>
</context>
<context>
    <name>TikTokPanel</name>
    <message>
        <source>TikTok</source>
        <translation>TikTok</translation>
    </message>
    <message>
        <source>Reading the TikTok account…</source>
        <translation>Reading the TikTok account…</translation>
    </message>
    <message>
        <source>This account sends videos to the TikTok inbox: you finish and post each one in the TikTok app.</source>
        <translation>This account sends videos to the TikTok inbox: you finish and post each one in the TikTok app.</translation>
    </message>
    <message>
        <source>Who can see this video:</source>
        <translation>Who can see this video:</translation>
    </message>
    <message>
        <source>Allow users to:</source>
        <translation>Allow users to:</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Duet</source>
        <translation>Duet</translation>
    </message>
    <message>
        <source>Stitch</source>
        <translation>Stitch</translation>
    </message>
    <message>
        <source>Disclose video content</source>
        <translation>Disclose video content</translation>
    </message>
    <message>
        <source>Turn on to disclose that this video promotes goods or services in exchange for something of value. Your video could promote yourself, a third party, or both.</source>
        <translation>Turn on to disclose that this video promotes goods or services in exchange for something of value. Your video could promote yourself, a third party, or both.</translation>
    </message>
    <message>
        <source>Your brand</source>
        <translation>Your brand</translation>
    </message>
    <message>
        <source>You are promoting yourself or your own business. This video will be classified as Brand Organic.</source>
        <translation>You are promoting yourself or your own business. This video will be classified as Brand Organic.</translation>
    </message>
    <message>
        <source>Branded content</source>
        <translation>Branded content</translation>
    </message>
    <message>
        <source>You are promoting another brand or a third party. This video will be classified as Branded Content.</source>
        <translation>You are promoting another brand or a third party. This video will be classified as Branded Content.</translation>
    </message>
    <message>
        <source>After publishing, TikTok may take a few minutes to process the video before it appears on the profile.</source>
        <translation>After publishing, TikTok may take a few minutes to process the video before it appears on the profile.</translation>
    </message>
    <message>
        <source>Posting as %1 (@%2)</source>
        <translation>Posting as %1 (@%2)</translation>
    </message>
    <message>
        <source>Posting as %1</source>
        <translation>Posting as %1</translation>
    </message>
    <message>
        <source>Choose who can see this video</source>
        <translation>Choose who can see this video</translation>
    </message>
    <message>
        <source>Turned off in this account&apos;s TikTok settings.</source>
        <translation>Turned off in this account&apos;s TikTok settings.</translation>
    </message>
    <message>
        <source>This account may post videos of at most %1 s.</source>
        <translation>This account may post videos of at most %1 s.</translation>
    </message>
    <message>
        <source>The TikTok account could not be read: %1</source>
        <translation>The TikTok account could not be read: %1</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Everyone</translation>
    </message>
    <message>
        <source>Friends</source>
        <translation>Friends</translation>
    </message>
    <message>
        <source>Followers</source>
        <translation>Followers</translation>
    </message>
    <message>
        <source>Only you</source>
        <translation>Only you</translation>
    </message>
    <message>
        <source>Your video will be labeled as &apos;Paid partnership&apos;</source>
        <translation>Your video will be labeled as &apos;Paid partnership&apos;</translation>
    </message>
    <message>
        <source>Your video will be labeled as &apos;Promotional content&apos;</source>
        <translation>Your video will be labeled as &apos;Promotional content&apos;</translation>
    </message>
    <message>
        <source>You need to indicate if your content promotes yourself, a third party, or both.</source>
        <translation>You need to indicate if your content promotes yourself, a third party, or both.</translation>
    </message>
    <message>
        <source>Branded content visibility cannot be set to private.</source>
        <translation>Branded content visibility cannot be set to private.</translation>
    </message>
    <message>
        <source>By posting, you agree to TikTok&apos;s &lt;a href=&quot;%1&quot;&gt;Branded Content Policy&lt;/a&gt; and &lt;a href=&quot;%2&quot;&gt;Music Usage Confirmation&lt;/a&gt;.</source>
        <translation>By posting, you agree to TikTok&apos;s &lt;a href=&quot;%1&quot;&gt;Branded Content Policy&lt;/a&gt; and &lt;a href=&quot;%2&quot;&gt;Music Usage Confirmation&lt;/a&gt;.</translation>
    </message>
    <message>
        <source>By posting, you agree to TikTok&apos;s &lt;a href=&quot;%1&quot;&gt;Music Usage Confirmation&lt;/a&gt;.</source>
        <translation>By posting, you agree to TikTok&apos;s &lt;a href=&quot;%1&quot;&gt;Music Usage Confirmation&lt;/a&gt;.</translation>
    </message>
</context>
<context>
    <name>UndoActions</name>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>Undo: %1</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>Nothing to undo</translation>
    </message>
    <message>
        <source>Redo: %1</source>
        <translation>Redo: %1</translation>
    </message>
    <message>
        <source>Nothing to redo</source>
        <translation>Nothing to redo</translation>
    </message>
</context>
<context>
    <name>UploadStatus</name>
    <message numerus="yes">
        <source>Sending %n video(s): %1 %</source>
        <translation>
            <numerusform>Sending %n video: %1 %</numerusform>
            <numerusform>Sending %n videos: %1 %</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending “%1” to %2 (%3): %4 % (%5 MB of %6 MB)</source>
        <translation>Sending “%1” to %2 (%3): %4 % (%5 MB of %6 MB)</translation>
    </message>
</context>
<context>
    <name>WeekView</name>
    <message>
        <source>free slot · %1</source>
        <extracomment>the narrowest a chip gets side by side: its time and a few letters of its title</extracomment>
        <translation>free slot · %1</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to ESS Planner</source>
        <translation>Welcome to ESS Planner</translation>
    </message>
    <message>
        <source>who your association is: its name, logo and time zone;</source>
        <translation>who your association is: its name, logo and time zone;</translation>
    </message>
    <message>
        <source>the people your posts speak to (personas);</source>
        <translation>the people your posts speak to (personas);</translation>
    </message>
    <message>
        <source>what your posts are for (objectives and their indicators);</source>
        <translation>what your posts are for (objectives and their indicators);</translation>
    </message>
    <message>
        <source>a first account to publish on, or a test account;</source>
        <translation>a first account to publish on, or a test account;</translation>
    </message>
    <message>
        <source>publishing while the window is closed.</source>
        <translation>publishing while the window is closed.</translation>
    </message>
    <message>
        <source>A few steps set up your workspace:</source>
        <translation>A few steps set up your workspace:</translation>
    </message>
    <message>
        <source>Every step can be skipped and done later from the menus. You can come back to this assistant at any time: Help › Start again.</source>
        <translation>Every step can be skipped and done later from the menus. You can come back to this assistant at any time: Help › Start again.</translation>
    </message>
    <message>
        <source>Just looking? “Load the example workspace” fills the calendar with the month of an association fighting energy poverty, on test accounts that publish nothing.</source>
        <translation>Just looking? “Load the example workspace” fills the calendar with the month of an association fighting energy poverty, on test accounts that publish nothing.</translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <source>Withdraw the consent of %1</source>
        <translation>Withdraw the consent of %1</translation>
    </message>
    <message>
        <source>From now on, no post may use a photo of %1 on the networks this consent covered.</source>
        <translation>From now on, no post may use a photo of %1 on the networks this consent covered.</translation>
    </message>
    <message>
        <source>How the withdrawal was asked (letter, email, in person…), for the record</source>
        <translation>How the withdrawal was asked (letter, email, in person…), for the record</translation>
    </message>
    <message>
        <source>&amp;Withdraw the consent</source>
        <translation>&amp;Withdraw the consent</translation>
    </message>
    <message>
        <source>The consent is withdrawn; the register keeps the record of when and why.</source>
        <translation>The consent is withdrawn; the register keeps the record of when and why.</translation>
    </message>
    <message>
        <source>Delete from the network</source>
        <translation>Delete from the network</translation>
    </message>
    <message>
        <source>Delete “%1” from %2? It disappears from the network for good.</source>
        <translation>Delete “%1” from %2? It disappears from the network for good.</translation>
    </message>
    <message>
        <source>“%1” was deleted from %2.</source>
        <translation>“%1” was deleted from %2.</translation>
    </message>
</context>
</TS>
