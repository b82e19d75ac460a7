// SPDX-License-Identifier: MIT
// Sentence templates and word lists for tickets, resolutions and knowledge articles.
// Placeholders are the slots of synth/Template.h.
#include "synth/ProblemCatalog.h"
#include "synth/Template.h"

#include <iterator>

namespace kms::synth {

namespace {

constexpr const char *kCaseTitle[] = {
    "{code} in {product} {component}", "{product}: {shortsymptom}",
    "{product} {version} - {shortsymptom} ({code})", "URGENT: {product} {shortsymptom}",
    "{code} when {product} {situation}", "{component} {shortsymptom} after upgrade to {version}",
    "{pls} help - {code} on {prod}", "{shortsymptom} - {product}", "Error {code} in {component}",
    "[{product}] {shortsymptom} {when}"};
constexpr const char *kCaseOpening[] = {
    "{when} {product} {version} has a problem: {symptom}.",
    "We are seeing {code} in {product} ({component}) {when}.",
    "After upgrading {product} from {oldversion} to {version}, {symptom}.",
    "Our {users} report that {symptom} {when}.",
    "{product} {version} is not working for us: {symptom}.",
    "i think {product} is broken again, {symptom}.",
    "We have an issue with the {component} of {product} {version}: {symptom}.",
    "Every time {product} {situation} we get {code}."};
constexpr const char *kCaseError[] = {
    "The exact error is: {error}", "Error {msg}: \"{error}\"", "The {component} log shows:\n{error}",
    "We get this in the logs: {error}", "Screenshot attached, the {msg} says {error}"};
constexpr const char *kCaseDetail[] = {
    "Also, {symptom2}.", "It happens {frequency}.", "About {count} {users} are affected.",
    "First occurrence was around {time}.", "Nothing was changed on our side as far as we know."};
constexpr const char *kCaseEnvironment[] = {
    "Environment: {os}, {deploy}, {dbms}.", "We run {product} {version} on {os} ({deploy}) with {dbms}.",
    "{env} details: {os}, {runtime}, {browser}.", "This is our {prod} {env} on {deploy}.",
    "Setup: {os} / {deploy} / {runtime}."};
constexpr const char *kCaseTried[] = {
    "We already {tried} and {tried2}, but nothing helped.",
    "Things we tried so far:\n- {tried}\n- {tried2}\n- {step}", "We {tried}, no change.",
    "So far we {tried} and also {step}."};
constexpr const char *kCaseImpact[] = {
    "This is blocking {impact}.", "Impact: {impact}.", "Business impact is high: {impact}.",
    "It affects {impact}."};
constexpr const char *kCaseRequest[] = {
    "Can {you} {pls} advise?", "{pls} help, we need this fixed {asap}.",
    "Could you check and tell us what to do?", "Is this a known issue? Is there a patch?",
    "Please call me back, my number is in the signature.", "Let me know if you need more {info}.",
    "{pls} escalate, this is critical for us."};
constexpr const char *kCaseSignOff[] = {
    "{thanks},\n{name}", "Regards,\n{name}\n{company}", "{thanks}\n{name} ({company})", "BR, {name}",
    "Kind regards,\n{name}, IT Operations, {company}"};
constexpr const char *kCaseFiller[] = {
    "The {component} log grows quickly while this happens.",
    "It is reproducible on our test {env} as well.",
    "We had the usual Windows updates last week but nothing else changed.",
    "The {db} team says the {server} is fine.",
    "I attached the logs from the {component} and a screenshot.",
    "Our {vpn} works and other applications are fine.",
    "We checked the {cfg} against the installation guide and it looks right.",
    "The problem does not happen for admin accounts.",
    "Some colleagues in the other office do not see it.",
    "We opened a similar ticket last year but I cannot find the number.",
    "Restarting the {server} helps for about an hour.",
    "The {auth} logs do not show anything unusual.",
    "We have a maintenance window on Sunday if a change is needed.",
    "The monitoring shows normal CPU and memory on the {server}.",
    "We use {browser} on most desks.",
    "The issue started around the same time as the {runtime} update.",
    "Our partner says nothing changed on their side.",
    "We can give you remote access through a screen share if that helps.",
    "Users have to enter their work again, which causes a lot of frustration.",
    "Not sure if related, but the same {msg} appeared once before the upgrade too.",
    "Our {k8s} cluster was upgraded two weeks ago.",
    "The {pwd} of the service account was not changed recently.",
    "Please note that we are on the premium support plan for {prod}.",
    "The same steps on the training system work without problems.",
    "Our change calendar shows no deployments in the last ten days."};
constexpr const char *kDuplicateNote[] = {
    "Opening a new ticket because the previous one got no answer.",
    "Any update on this? It is still happening.", "Same problem again today.",
    "Sorry if this is a duplicate, a colleague may have reported it already.",
    "Second ticket for this, {pls} look.", "Reopening: the issue came back."};
constexpr const char *kDuplicateTitle[] = {"RE: ", "Still: ", "FW: ", "Again: ", "[Follow-up] ",
                                           "URGENT - "};
constexpr const char *kResolutionCause[] = {
    "Root cause: {cause}.", "The issue happened because {cause}.", "Analysis showed that {cause}.",
    "Cause: {cause}.", "We found that {cause}."};
constexpr const char *kResolutionFix[] = {
    "Steps taken: ", "We did the following with the customer: ", "Fix: ", "Resolved by these steps: "};
constexpr const char *kResolutionKb[] = {
    "See {article} for the full procedure.", "See {article}.", "Documented in {article}.",
    "Sent the customer the link to {article}."};
constexpr const char *kResolutionClose[] = {
    "Customer confirmed the issue is resolved.", "Closing after confirmation from {name}.",
    "No reply from the customer for 7 days, closing.", "Fixed permanently in {fixedin}.",
    "Customer will upgrade to {fixedin} in the next maintenance window."};
constexpr const char *kArticleTitle[] = {
    "Fix: {code} when {product} {situation}", "{product}: {shortsymptom} ({code})",
    "How to resolve {code} in {product} {component}", "Troubleshooting {code} in {product}",
    "{shortsymptom} in {product} {versionfrom} to {versionto}"};
constexpr const char *kArticleSummary[] = {
    "{product} {versionfrom} to {versionto} can fail with {code} when it {situation}.",
    "Customers report that {symptom} in {product}, usually when it {situation}. The error is {code}.",
    "This article explains why {product} shows {code} in the {component} and how to fix it.",
    "When {product} {situation}, the {component} may stop with {code}."};
constexpr const char *kArticleFiller[] = {
    "Support engineers can confirm the problem by searching the {component} log for {code}.",
    "The problem is not specific to one operating system; it was reproduced on Windows and Linux.",
    "Collect the logs with the diagnostics tool before you change anything, so the cause can be "
    "verified.",
    "Cases that mention {code} together with {product} are usually this problem.",
    "If the steps above do not help, open a case and attach the diagnostics bundle and the exact "
    "error {msg}.",
    "The fix is included in {fixedin} and later releases.",
    "Versions older than {versionfrom} are not affected.",
    "Customers on the cloud edition received the fix automatically.",
    "Do not delete {cfg} files; keep a backup of every file you edit.",
    "After the change, monitor the {component} for at least one business day.",
    "Similar symptoms can have other causes; compare the exact error text before you apply this fix.",
    "This article was reviewed by the {product} engineering team.",
    "The error text may be translated when the {server} runs with a non-English locale.",
    "A restart alone hides the problem for a while but does not fix it.",
    "Check the release notes of {fixedin} for related changes.",
    "In clustered deployments, apply the change on every node.",
    "Make sure the service account has the rights described in the installation guide.",
    "On {k8s}, apply the change to the ConfigMap and restart the pods one at a time.",
    "The same error can appear in the {component} of other products that share the {product} "
    "libraries.",
    "Test the change in a staging {env} first if your change process requires it.",
    "Customers who followed these steps did not report the problem again.",
    "The diagnostics bundle contains the {cfg} files, the last seven days of logs and the version "
    "of every component.",
    "If you use a proxy, make sure it does not rewrite the requests between the client and the {server}.",
    "For audit purposes, record the change and the time you applied it in your change log.",
    "The {auth} settings are not affected by these steps.",
    "You do not need to restart client machines after the change.",
    "Monitoring rules that alert on {code} can be kept; they will simply stop firing.",
    "Support can provide a script that applies the steps on many servers at once.",
    "Keep the old values in a comment so the change is easy to roll back.",
    "Large installations may need a maintenance window of about thirty minutes."};
constexpr const char *kArticleWorkaround[] = {
    "As a temporary workaround, restart the {component} service; the error comes back after a while.",
    "If you cannot change the {cfg} now, schedule a nightly restart of the {server} until the fix "
    "is applied.",
    "Upgrading to {fixedin} removes the need for the manual steps."};

constexpr const char *kSlotLists[] = {
    // context slots drawn by the composers from these lists (others are set from the problem)
    nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr,
    nullptr, nullptr,
    "Windows 10 22H2|Windows 11 23H2|Windows Server 2019|Windows Server 2022|Ubuntu 22.04|RHEL 8.6|"
    "RHEL 9.2|macOS 14|Debian 12|Amazon Linux 2",
    "on-prem|AWS|Azure|Google Cloud|Kubernetes 1.27 on EKS|OpenShift 4.12|VMware vSphere 7|Hyper-V",
    "Oracle 19c|PostgreSQL 14|SQL Server 2019|MySQL 8.0|Oracle 21c|PostgreSQL 15",
    nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr,
    // pick
    "since this morning|since yesterday evening|since Monday|since the weekend|since last night's "
    "patching|for two days now|since we moved to the new data centre|after the maintenance window",
    "checked the firewall rules|restarted the server|cleared the cache|looked at the event viewer|"
    "installed the latest patch|read the release notes|asked our network team",
    "5|12|20|35|50|80|120|200|several hundred",
    "our month-end closing|all sales reps|invoicing for our biggest customer|the go-live planned for "
    "next week|about 200 call centre agents|the whole finance team|our nightly reporting",
    "every few minutes|a few times per day|every morning around 9|only under load|randomly, no "
    "pattern we can see|on every attempt",
    "08:15 UTC|09:40 CET|13:05|22:30 last night|06:50 this morning",
    "Chrome 120|Edge 119|Firefox 121|Safari 17",
    "OpenJDK 17|OpenJDK 11|Java 8u381|.NET 6|.NET Framework 4.8|Node.js 18|Python 3.10",
    // wording: formal spelling first
    "database|db|DB", "password|pwd|passwd|pw", "Kubernetes|k8s|K8s|kube", "VPN|vpn",
    "please|pls|plz", "configuration|config|cfg|conf", "environment|env", "production|prod|PROD|prd",
    "application|app", "message|msg", "as soon as possible|asap|ASAP", "Thanks|Thx|thanks|Tks|ty",
    "you|u", "information|info", "authentication|auth", "server|srv|svr", "users|usrs|ppl"};

static_assert(std::size(kSlotLists) == kSlotCount, "one list entry per slot");

constexpr const char *kNames[] = {
    "Hi,|Hello team,|Hi support,|Good morning,|Dear Support,|hi there,|Hello,|Hi all,|Hallo,",
    "Anna Kowalski|José Martínez|Mei Chen|Tom Becker|Priya Nair|Lars Østergaard|Fatima El Amrani|"
    "John O'Neill|Sofia Rossi|Kenji Watanabe|Chloé Dubois|Ahmed Hassan|Olga Petrova|Michael Brown|"
    "Zoë Müller|Rahul Gupta|Emma Jansen|Lucas Silva|Hannah Schmidt|Daniel Kim",
    "Northwind Logistics|Contoso Insurance|Bluefin Retail|Acme Manufacturing|Fabrikam Health|"
    "Riverside Bank|Greenleaf Energy|Summit Telecom|Alpine Foods|Harbor City Council|Kestrel "
    "Airlines|Mosaic Media",
    "a.nguyen|b.okafor|c.larsen|d.moreau|e.tanaka|f.romero|g.weber|h.ali|i.novak|j.smith",
    "Support Engineering|A. Nguyen|C. Larsen|E. Tanaka|Product Support Team|G. Weber"};

static_assert(std::size(kNames) == std::size_t(NameList::End_), "one entry per name list");

} // namespace

std::span<const char *const> textData(TextPart part)
{
    switch (part) {
    case TextPart::CaseTitle: return kCaseTitle;
    case TextPart::CaseOpening: return kCaseOpening;
    case TextPart::CaseError: return kCaseError;
    case TextPart::CaseDetail: return kCaseDetail;
    case TextPart::CaseEnvironment: return kCaseEnvironment;
    case TextPart::CaseTried: return kCaseTried;
    case TextPart::CaseImpact: return kCaseImpact;
    case TextPart::CaseRequest: return kCaseRequest;
    case TextPart::CaseSignOff: return kCaseSignOff;
    case TextPart::CaseFiller: return kCaseFiller;
    case TextPart::DuplicateNote: return kDuplicateNote;
    case TextPart::DuplicateTitle: return kDuplicateTitle;
    case TextPart::ResolutionCause: return kResolutionCause;
    case TextPart::ResolutionFix: return kResolutionFix;
    case TextPart::ResolutionKb: return kResolutionKb;
    case TextPart::ResolutionClose: return kResolutionClose;
    case TextPart::ArticleTitle: return kArticleTitle;
    case TextPart::ArticleSummary: return kArticleSummary;
    case TextPart::ArticleFiller: return kArticleFiller;
    case TextPart::ArticleWorkaround: return kArticleWorkaround;
    case TextPart::End_: break;
    }
    return {};
}

const char *slotData(int slot)
{
    return slot >= 0 && slot < kSlotCount ? kSlotLists[slot] : nullptr;
}

const char *nameData(NameList list)
{
    return int(list) >= 0 && int(list) < int(NameList::End_) ? kNames[int(list)] : "";
}

} // namespace kms::synth
