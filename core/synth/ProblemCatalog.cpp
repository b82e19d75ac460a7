// SPDX-License-Identifier: MIT
// The invented-but-plausible support world: kinds of problems and the products they happen in.
// Lists are '|'-separated; "code~message" for errors, "cause~step;step;step" for causes and fixes.
#include "synth/ProblemCatalog.h"

namespace kms::synth {

namespace {

constexpr KindData kKinds[] = {
    {"db-connect", "Connectivity",
     "ORA-12154~ORA-12154: TNS:could not resolve the connect identifier specified|"
     "ORA-12541~ORA-12541: TNS:no listener|ORA-01017~ORA-01017: invalid username/password; logon denied|"
     "SQLSTATE 08001~SQLSTATE 08001: unable to establish SQL connection|"
     "SQLSTATE 08S01~SQLSTATE 08S01: communication link failure",
     "connects to the reporting database|opens the customer list|runs the nightly sync job|"
     "starts after a server restart",
     "cannot connect to database|reports not loading|db connection error|login ok but no data",
     "every report fails with a database error|the customer list stays empty and shows a connection error|"
     "the nightly sync job stops after a few seconds|the service starts but cannot reach the database",
     "the tnsnames.ora entry for the reporting service was removed by the upgrade~"
     "Open tnsnames.ora in the client configuration folder;Add the REPORTING service alias with the "
     "correct host and port;Restart the application service;Test the connection from the admin console|"
     "the database listener was moved to a different port~Ask the DBA for the current listener port;"
     "Update the port in the connection settings;Restart the connection pool;Check the status page|"
     "the service account password expired on the database server~Reset the service account password "
     "on the database;Store the new password in the credential vault;Restart the application service|"
     "the connection string still points to the decommissioned standby host~Edit the data source "
     "definition;Replace the standby host name with the primary cluster address;Recycle the pool",
     "restarted the service|pinged the db server, it answers|checked the credentials|"
     "rebooted the app server|tested with sqlplus from the same machine",
     "database|connectivity|oracle"},
    {"auth", "Authentication",
     "HTTP 401~HTTP 401 Unauthorized|0x80070005~HRESULT 0x80070005 (E_ACCESSDENIED): Access is denied|"
     "SAML signature~SAML response rejected: signature validation failed|"
     "invalid_grant~OAuth error invalid_grant: refresh token expired or revoked",
     "signs users in with single sign-on|is called by the integration account|handles a password "
     "change|authenticates the scheduled export",
     "login fails|SSO broken|cannot sign in|access denied for all users|token expired error",
     "users are sent back to the login page after entering their credentials|"
     "the API returns 401 for the integration account|single sign-on loops between the portal and the "
     "identity provider|only users in the EU tenant are affected",
     "the identity provider signing certificate was rotated and the old one is still configured~"
     "Download the new signing certificate from the identity provider;Upload it under Settings > "
     "Single sign-on;Remove the expired certificate;Ask one user to sign in again|"
     "the integration account lost the API access role after a directory sync~Open the role "
     "assignments of the integration account;Grant the API access role again;Exclude the account from "
     "the directory sync filter|"
     "the server clock drifted more than five minutes so tokens are rejected~Enable NTP on the "
     "application servers;Resynchronise the clock;Restart the authentication service",
     "cleared the browser cache|reset the pwd of one user|tried an incognito window|"
     "checked the AD account is not locked",
     "login|sso|authentication"},
    {"tls", "Security",
     "SSL handshake failure~SSL handshake failed: certificate verify failed (unable to get local issuer "
     "certificate)|PKIX path building failed~javax.net.ssl.SSLHandshakeException: PKIX path building "
     "failed|ERR_CERT_DATE_INVALID~NET::ERR_CERT_DATE_INVALID|"
     "handshake_failure~SSL routines:ssl3_read_bytes:sslv3 alert handshake failure",
     "calls the partner endpoint over HTTPS|connects to the mail relay|validates the upstream "
     "certificate|starts with TLS 1.2 enforced",
     "SSL handshake error|certificate error|HTTPS calls failing|cert expired warning",
     "all outbound HTTPS calls fail right after the handshake|browsers show a certificate warning on "
     "the portal|the connector log is full of handshake errors|only calls to the new endpoint fail",
     "the intermediate CA certificate is missing from the trust store~Export the intermediate "
     "certificate from the issuing CA;Import it into the application trust store;Restart the service "
     "so the trust store is reloaded|"
     "the server certificate expired over the weekend~Request a renewed certificate;Install it on the "
     "load balancer;Verify the chain with openssl s_client|"
     "the remote side disabled TLS 1.0 and 1.1~Set the minimum protocol to TLS 1.2 in the connector "
     "configuration;Update the Java runtime to a supported release;Retry the failed calls",
     "imported the cert again|checked the date on the server|tested with curl -v|disabled the proxy",
     "ssl|tls|certificate"},
    {"gateway", "Networking",
     "HTTP 502~HTTP 502 Bad Gateway|HTTP 503~HTTP 503 Service Unavailable|"
     "HTTP 504~HTTP 504 Gateway Timeout|ECONNRESET~Error: read ECONNRESET|"
     "ETIMEDOUT~Error: connect ETIMEDOUT 10.20.4.17:443",
     "routes requests to the backend pool|handles the morning peak|uploads large attachments|"
     "calls the billing service",
     "502 errors|site down intermittently|gateway timeout|connection reset by peer",
     "about one request in ten fails with a gateway error|large uploads stop at 99 percent|"
     "the portal is unreachable for a few minutes every hour|API clients see connection resets",
     "the backend keep-alive timeout is shorter than the gateway idle timeout~Raise the backend "
     "keep-alive timeout to 75 seconds;Lower the gateway idle timeout to 60 seconds;Reload the "
     "gateway configuration|"
     "one node of the backend pool fails its health check but stays in rotation~Fix the health check "
     "path in the pool definition;Drain the unhealthy node;Restart it and add it back|"
     "the request body limit is 10 MB while attachments can be 25 MB~Raise client_max_body_size to "
     "32 MB;Reload the gateway;Retry the upload",
     "restarted the gateway|checked the backend logs|increased the timeout|bypassed the load balancer",
     "http|gateway|network"},
    {"memory", "Performance",
     "java.lang.OutOfMemoryError~java.lang.OutOfMemoryError: Java heap space|"
     "GC overhead limit~java.lang.OutOfMemoryError: GC overhead limit exceeded|"
     "OOMKilled~container terminated with reason OOMKilled (exit code 137)|"
     "0x8007000E~HRESULT 0x8007000E: Not enough memory resources are available",
     "runs the month-end export|indexes a large batch|processes attachments|runs for several days",
     "out of memory|service crashes under load|memory keeps growing|heap space error",
     "the service dies after a few hours and has to be restarted|memory grows until the node is "
     "killed|the batch stops halfway through with a memory error|response times climb before the crash",
     "the default heap of 1 GB is too small for exports over 100,000 rows~Set -Xmx4g in the service "
     "options;Restart the service;Run the export again|"
     "a cache of rendered documents is never evicted~Upgrade to the fixed version;Until then, set "
     "cache.maxEntries to 5000;Restart the service nightly|"
     "the container memory limit is lower than the configured heap~Raise the pod memory limit to 6 "
     "GiB;Keep the heap at 75 percent of the limit;Redeploy the workload",
     "added more RAM to the VM|restarted the service every night|took a heap dump|reduced the batch size",
     "memory|performance|crash"},
    {"deadlock", "Data",
     "SQLSTATE 40001~SQLSTATE 40001: serialization failure, deadlock detected|"
     "ORA-00060~ORA-00060: deadlock detected while waiting for resource|"
     "lock wait timeout~Lock wait timeout exceeded; try restarting transaction (error 1205)",
     "saves an order during the batch import|updates many records at once|closes the accounting period",
     "deadlock errors|save fails randomly|transactions rolled back|records locked",
     "saving a record fails at random with a transaction error|the batch import rolls back several "
     "times per night|users see that a record is locked by another user",
     "the batch import and the interactive screen update rows in opposite order~Apply the patch that "
     "orders updates by primary key;Move the batch import outside business hours;Retry failed jobs|"
     "a missing index on the foreign key makes every update lock the whole table~Create the index on "
     "ORDER_LINES.ORDER_ID;Gather statistics;Monitor the lock waits for a day",
     "reran the job|asked users to retry|checked the db locks view|restarted the db",
     "database|locking|batch"},
    {"vpn", "Networking",
     "VPN error 809~Error 809: The network connection between your computer and the VPN server could "
     "not be established|VPN error 691~Error 691: The remote connection was denied because the user "
     "name and password combination is not recognised|IKE no proposal~IKE negotiation failed: no "
     "proposal chosen|tunnel drops~Tunnel closed by peer: DPD timeout",
     "connects from a home network|reconnects after sleep|connects over hotel Wi-Fi|starts at login",
     "vpn not connecting|tunnel drops every few minutes|cannot reach internal apps over vpn",
     "the tunnel comes up and drops after a few minutes|remote staff cannot reach internal systems|"
     "the client hangs at connecting",
     "the home router blocks UDP 500 and 4500~Switch the profile to SSL/TLS over port 443;Push the "
     "updated profile to the clients;Reconnect|"
     "the gateway proposal list no longer contains AES-128 after the firmware update~Add AES-256 with "
     "SHA-256 to the client profile;Redeploy the profile;Reconnect|"
     "dead peer detection is set to 10 seconds~Raise the DPD interval to 60 seconds on the "
     "gateway;Reconnect the clients",
     "reinstalled the vpn client|tried another network|rebooted the laptop|checked the pwd",
     "vpn|remote-access|network"},
    {"install", "Installation",
     "0x80070643~Installation failed with error 0x80070643|"
     "0x80070002~HRESULT 0x80070002: The system cannot find the file specified|"
     "MSI 1603~MSI error 1603: fatal error during installation|"
     "migration failed~Schema migration 0042 failed: column tenant_id already exists",
     "is upgraded from the previous release|is installed on a clean machine|runs the silent "
     "installer|applies the schema migration",
     "upgrade fails|installer error|cannot install|rollback during setup",
     "the installer rolls back at the last step|the upgrade leaves the service stopped|the silent "
     "install exits with an error code",
     "a pending Windows reboot locks files the installer must replace~Reboot the machine;Run the "
     "installer again as administrator;Check the install log|"
     "the previous version left a partial schema migration behind~Restore the pre-upgrade backup;"
     "Run the migration tool with --repair;Start the upgrade again|"
     "antivirus quarantines the updater binary~Add the install folder to the antivirus exclusions;"
     "Run the installer again",
     "ran as admin|downloaded the installer again|uninstalled the old version first|checked disk space",
     "installation|upgrade|setup"},
    {"email", "Integration",
     "SMTP 550~550 5.7.1 Relaying denied|SMTP 535~535 5.7.8 Authentication credentials invalid|"
     "SMTP 421~421 4.4.2 Connection dropped due to timeout",
     "sends notification emails|ingests the support mailbox|sends the weekly digest",
     "emails not sent|notifications missing|mailbox ingest stuck|smtp error",
     "customers no longer receive notification emails|new emails in the support mailbox are not "
     "turned into tickets|the mail queue keeps growing",
     "the relay only accepts the old application server IP~Add the new server IP to the relay "
     "allow list;Flush the mail queue;Send a test notification|"
     "basic authentication was switched off on the mailbox~Register an OAuth application;Configure "
     "the mailbox connector with OAuth;Reprocess the pending messages",
     "sent a test mail|checked the spam folder|restarted the mail service",
     "email|smtp|notifications"},
    {"search-slow", "Performance",
     "query timeout~Query exceeded the 30 s timeout and was cancelled|slow page~Page load took 45 s "
     "(threshold 5 s)|HTTP 504~HTTP 504 Gateway Timeout",
     "searches across all records|opens the dashboard|filters by date range",
     "very slow|search takes forever|dashboard timeout|performance degraded after upgrade",
     "a simple search takes more than 30 seconds|the dashboard times out every morning|the whole "
     "application is slow after the upgrade",
     "the search index was not rebuilt after the upgrade~Rebuild the search index from the admin "
     "console;Wait for the rebuild to finish;Clear the query cache|"
     "table statistics are stale after the data migration~Gather fresh statistics on the main "
     "tables;Rebuild fragmented indexes;Check the slow query log",
     "cleared the cache|restarted everything|checked CPU, it is low|tried another browser",
     "performance|search|slow"},
    {"k8s", "Deployment",
     "CrashLoopBackOff~Back-off restarting failed container (CrashLoopBackOff)|"
     "ImagePullBackOff~Failed to pull image: ImagePullBackOff|"
     "readiness probe~Readiness probe failed: HTTP probe failed with statuscode: 503",
     "is deployed with the Helm chart|scales out|rolls out a new release",
     "pods crashlooping|deployment stuck|pods never ready|helm upgrade fails",
     "the pods restart in a loop after the upgrade|the rollout never finishes|new pods never "
     "become ready",
     "the chart expects a secret that was renamed in this release~Create the secret with the new "
     "name;Run helm upgrade again;Check that the pods become ready|"
     "the registry credentials expired~Renew the pull secret;Restart the deployment|"
     "the readiness probe starts before the cache warm-up ends~Set initialDelaySeconds to 60;"
     "Apply the chart again",
     "deleted the pods|rolled back the helm release|checked kubectl describe|increased the limits",
     "kubernetes|deployment|helm"},
    {"import", "Data",
     "import error~Import failed at row 1042: invalid date format|"
     "SQLSTATE 23505~duplicate key value violates unique constraint accounts_pkey (SQLSTATE 23505)|"
     "UnicodeDecodeError~UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe9",
     "imports the CSV export|syncs contacts from the partner system|loads the nightly file",
     "import fails|csv import error|duplicate records|special characters broken",
     "the import stops at the same row every time|names with accents are broken after the import|"
     "the sync creates duplicate accounts",
     "the source file is saved as Windows-1252 instead of UTF-8~Save the file as UTF-8;Set the "
     "import encoding explicitly;Run the import again|"
     "the partner system changed its date format to day/month/year~Set the date format of the "
     "mapping to DD/MM/YYYY;Reimport the rejected rows|"
     "the external id mapping is missing so every sync inserts new rows~Map the partner id to the "
     "external id field;Merge the duplicates with the cleanup tool;Run the sync again",
     "opened the file in Excel|removed the first rows|tried a smaller file",
     "import|data-quality|csv"},
    {"license", "Licensing",
     "LIC-0007~License check failed: LIC-0007 seat limit reached|"
     "LIC-0012~License file signature is invalid (LIC-0012)|LIC-0031~License expired on 2024-03-31 "
     "(LIC-0031)",
     "assigns a new user|starts after the renewal|activates offline",
     "license error|cannot add users|product says license expired",
     "new users cannot be added|the product switched to read-only mode|a license warning banner "
     "shows for everybody",
     "deactivated users still hold seats~Open License > Seats;Release the seats of deactivated "
     "users;Assign the new users|"
     "the renewed license file was not uploaded~Download the new license file from the portal;"
     "Upload it under Administration > License;Restart the service",
     "checked the contract|uploaded the license file again",
     "license|admin"},
    {"crash", "Stability",
     "0xC0000005~Application crashed with exception code 0xC0000005 (access violation)|"
     "SIGSEGV~Segmentation fault (SIGSEGV) in libcore_render.so|"
     "java.lang.StackOverflowError~java.lang.StackOverflowError at TemplateRenderer.render",
     "opens a large document|prints the monthly report|starts on a machine with two monitors",
     "app crashes|client closes without error|crash on startup|crash when printing",
     "the application closes without any message|the client crashes when opening a report|the "
     "service process dies and restarts",
     "an old graphics driver crashes the report preview~Update the graphics driver;Or disable "
     "hardware acceleration under Options > Display|"
     "a recursive template reference in the report layout~Open the layout in the designer;Remove "
     "the self-reference in the footer section;Save and publish the layout",
     "reinstalled the client|collected the crash dump|tried another user profile",
     "crash|stability"},
    {"disk", "Storage",
     "ENOSPC~ENOSPC: no space left on device, write|"
     "0x80070070~HRESULT 0x80070070: There is not enough space on the disk|"
     "ORA-01653~ORA-01653: unable to extend table APP.AUDIT_LOG by 128 in tablespace USERS",
     "writes the audit log|creates the nightly backup|stores attachments",
     "disk full|backup failed|cannot save attachments|tablespace full",
     "saving fails with a storage error|the nightly backup fails|uploads stop working",
     "audit log retention is unlimited~Set audit retention to 180 days;Run the purge job;Enable the "
     "disk space alert|"
     "old backups are never deleted~Set the backup retention to 14 copies;Delete the oldest "
     "backups;Run the backup manually|"
     "the tablespace has autoextend switched off~Enable autoextend on the datafile;Add a second "
     "datafile;Rerun the failed job",
     "deleted temp files|checked df -h|moved some logs",
     "storage|disk|backup"},
};

constexpr ProductData kProducts[] = {
    {"Orbit CRM", "orbit-crm", "Contacts|Reporting|Sync Engine|Web UI|REST API",
     "db-connect,auth,gateway,deadlock,search-slow,import,email", 2},
    {"Helix Gateway", "helix-gateway", "Routing|TLS Termination|Rate Limiter|Admin Console",
     "tls,gateway,memory,k8s,auth", 4},
    {"Windows Client", "windows-client", "Installer|Updater|Outlook Add-in|Login Dialog",
     "install,auth,crash,disk", 10},
    {"Oracle Connector", "oracle-connector", "Connection Pool|Query Engine|JDBC Driver",
     "db-connect,deadlock,memory,tls", 3},
    {"VPN Client", "vpn-client", "Tunnel|Authentication|DNS Resolver|Installer", "vpn,auth,install,tls", 5},
    {"Nimbus Storage", "nimbus-storage", "Replication|Snapshots|Web Console|Quota Manager",
     "disk,gateway,search-slow,crash", 7},
    {"Pulse Analytics", "pulse-analytics", "Dashboards|ETL Jobs|Query Engine|Export",
     "search-slow,memory,import,db-connect,crash", 3},
    {"Atlas ERP", "atlas-erp", "Finance|Inventory|Payroll|Batch Scheduler",
     "deadlock,db-connect,search-slow,license,disk", 8},
    {"Beacon Mail Relay", "beacon-mail", "SMTP Service|Spam Filter|Queue Manager", "email,tls,disk", 2},
    {"Quasar Mobile", "quasar-mobile", "iOS App|Android App|Push Notifications|Offline Sync",
     "auth,crash,import,tls", 6},
    {"Vertex Identity", "vertex-identity", "SSO|MFA|Directory Sync|Admin Portal", "auth,tls,import,license", 4},
    {"Cobalt Backup", "cobalt-backup", "Backup Agent|Scheduler|Restore|Catalog", "disk,install,memory,crash", 9},
    {"Lumen Service Desk", "lumen-desk", "Ticket Forms|SLA Engine|Email Ingest|Knowledge Base",
     "email,search-slow,import,auth", 5},
    {"Stratus Operator", "stratus-operator", "Controller|Helm Chart|Admission Webhook", "k8s,memory,tls", 1},
    {"Meridian Payments API", "meridian-payments", "Checkout|Webhooks|Refunds", "gateway,tls,deadlock,auth", 3},
    {"Linux Agent", "linux-agent", "Collector|Updater|Systemd Service", "install,crash,disk,memory", 6},
    {"SAP Connector", "sap-connector", "RFC Adapter|IDoc Processor|Field Mapping", "import,memory,auth,db-connect", 2},
    {"Print Manager", "print-manager", "Spooler|Driver Store|Queue Console", "crash,install,disk", 11},
    {"Salesforce Sync", "salesforce-sync", "Field Mapping|Bulk API Client|Scheduler", "auth,import,gateway,license", 4},
    {"Customer Portal", "customer-portal", "Self-Service|Search|Login|File Upload",
     "auth,gateway,search-slow,tls,k8s", 3},
};

} // namespace

std::span<const KindData> kindData() { return kKinds; }
std::span<const ProductData> productData() { return kProducts; }

} // namespace kms::synth
