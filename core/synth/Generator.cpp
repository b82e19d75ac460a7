// SPDX-License-Identifier: MIT
#include "synth/Generator.h"

#include <QDateTime>
#include <QJsonValue>

#include <bit>
#include <numeric>

namespace kms {

using namespace synth;

namespace {

constexpr qint64 kMaxArticles = 1'000'000'000; // problem indices must stay below 2^32
constexpr qint64 kMaxCases = 10'000'000'000;
constexpr qint64 kHour = 3600;
constexpr qint64 kDay = 86400;

const QString kStatuses[] = {QStringLiteral("new"), QStringLiteral("open"), QStringLiteral("pending"),
                             QStringLiteral("resolved"), QStringLiteral("closed")};
constexpr std::array kStatusWeights{8, 17, 10, 30, 35};
const QString kPriorities[] = {QStringLiteral("low"), QStringLiteral("medium"), QStringLiteral("high"),
                               QStringLiteral("critical")};
constexpr std::array kPriorityWeights{30, 45, 20, 5};
const QString kTiers[] = {QStringLiteral("free"), QStringLiteral("standard"), QStringLiteral("premium"),
                          QStringLiteral("enterprise")};
constexpr std::array kTierWeights{10, 50, 25, 15};
const QString kChannels[] = {QStringLiteral("email"), QStringLiteral("portal"), QStringLiteral("phone"),
                             QStringLiteral("chat")};
constexpr std::array kChannelWeights{45, 30, 15, 10};
const QString kRegions[] = {QStringLiteral("EMEA"), QStringLiteral("NA"), QStringLiteral("APAC"),
                            QStringLiteral("LATAM")};
constexpr std::array kRegionWeights{40, 35, 20, 5};

// "CS-0000042": by hand, ids are made for every record.
QString paddedId(const char *prefix, qint64 number, int width)
{
    char digits[24];
    int n = 0;
    do {
        digits[n++] = char('0' + number % 10);
        number /= 10;
    } while (number > 0 && n < 20);
    char buf[48];
    int len = 0;
    for (const char *c = prefix; *c; ++c)
        buf[len++] = *c;
    for (int pad = width - n; pad > 0; --pad)
        buf[len++] = '0';
    while (n > 0)
        buf[len++] = digits[--n];
    return QString::fromLatin1(buf, len);
}

QDateTime utc(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC);
}

qint64 below64(Rng &rng, qint64 n)
{
    // Our spans stay far below 2^32 seconds (136 years), so the 32-bit mapping is enough.
    return qint64(rng.below(std::uint32_t(n)));
}

} // namespace

Generator::Generator(const SynthOptions &options)
    : m_options(options), m_corpus(SyntheticCorpus::instance())
{
    const qint64 articles = std::max<qint64>(0, options.articles);
    const qint64 cases = std::max<qint64>(0, options.cases);
    m_problemCount = articles > 0 ? articles + std::max<qint64>(1, articles / 5)
                                  : std::clamp<qint64>(cases / 20, 10, 5000);
    m_bands = std::bit_width(std::uint64_t(m_problemCount) + 1) - 1;

    Rng rng(streamSeed(options.seed, PopularityStream, 0));
    m_permOffset = below64(rng, m_problemCount);
    m_permMultiplier = 1 + below64(rng, std::max<qint64>(1, m_problemCount - 1));
    while (std::gcd(m_permMultiplier, m_problemCount) != 1)
        --m_permMultiplier; // reaches 1 at worst
}

bool Generator::validate(const SynthOptions &o, QString *error)
{
    QString why;
    if (o.cases < 0 || o.cases > kMaxCases)
        why = QStringLiteral("cases must be between 0 and %1, got %2").arg(kMaxCases).arg(o.cases);
    else if (o.articles < 0 || o.articles > kMaxArticles)
        why = QStringLiteral("articles must be between 0 and %1, got %2").arg(kMaxArticles).arg(o.articles);
    else if (o.nearDuplicatePercent < 0 || o.nearDuplicatePercent > 50)
        why = QStringLiteral("near-duplicate percent must be between 0 and 50, got %1").arg(o.nearDuplicatePercent);
    else if (o.spanDays < 1 || o.spanDays > 36500)
        why = QStringLiteral("span must be between 1 and 36500 days, got %1").arg(o.spanDays);
    else if (!SyntheticCorpus::instance().error().isEmpty())
        why = QStringLiteral("built-in vocabulary is broken: ") + SyntheticCorpus::instance().error();
    if (!why.isEmpty() && error)
        *error = why;
    return why.isEmpty();
}

QString Generator::articleId(qint64 index) { return paddedId("KB-", 1001 + index, 1); }
QString Generator::caseId(qint64 index) { return paddedId("CS-", index + 1, 7); }
QString Generator::problemId(qint64 index) { return paddedId("PRB-", index + 1, 6); }

QStringList Generator::extraFieldNames()
{
    return {QStringLiteral("answer_article"), QStringLiteral("applies_to"), QStringLiteral("assignee"),
            QStringLiteral("author"), QStringLiteral("channel"), QStringLiteral("component"),
            QStringLiteral("customer_tier"), QStringLiteral("duplicate_of"), QStringLiteral("environment"),
            QStringLiteral("fixed_in"), QStringLiteral("helpful_votes"), QStringLiteral("problem_id"),
            QStringLiteral("product_version"), QStringLiteral("region"), QStringLiteral("views")};
}

bool Generator::next(Record &out, GroundTruth *truth)
{
    const qint64 articles = std::max<qint64>(0, m_options.articles);
    if (m_produced >= articles + std::max<qint64>(0, m_options.cases))
        return false;
    if (m_produced < articles)
        makeArticle(m_produced, out, truth);
    else
        makeCase(m_produced - articles, out, truth);
    ++m_produced;
    return true;
}

qint64 Generator::drawProblem(Rng &rng) const
{
    qint64 rank;
    if (rng.percent(70)) {
        // Log-uniform over rank bands [2^b - 1, 2^(b+1) - 1): P(rank) ~ 1/rank, i.e. Zipf with s = 1.
        const int band = int(rng.below(std::uint32_t(m_bands)));
        const qint64 lo = (qint64(1) << band) - 1;
        const qint64 hi = band == m_bands - 1 ? m_problemCount : (qint64(2) << band) - 1;
        rank = lo + below64(rng, hi - lo);
    } else {
        rank = below64(rng, m_problemCount);
    }
    return (rank * m_permMultiplier + m_permOffset) % m_problemCount;
}

void Generator::makeArticle(qint64 index, Record &out, GroundTruth *truth)
{
    Rng rng(streamSeed(m_options.seed, ArticleStream, std::uint64_t(index)));
    const Problem p = m_corpus.problem(m_options.seed, index);
    const Product &product = m_corpus.products()[std::size_t(p.product)];
    const ProblemKind &kind = m_corpus.kinds()[std::size_t(p.kind)];
    m_articles.compose(p, rng, m_articleText);

    const qint64 span = qint64(m_options.spanDays) * kDay;
    const qint64 created = m_options.startSecsSinceEpoch + below64(rng, span);
    const qint64 last = m_options.startSecsSinceEpoch + span - 1; // the "export" happens at the end
    const qint64 updated = std::min(last, created + (rng.percent(60) ? below64(rng, 120 * kDay) : 0));
    const int views = 20 + int(rng.below(500)) * int(1 + rng.below(40));

    out = Record();
    out.collection = Collection::Knowledge;
    out.externalId = articleId(index);
    out.title = std::move(m_articleText.title);
    out.body = std::move(m_articleText.body);
    out.product = product.name;
    out.category = kind.category;
    out.tags = QStringList{product.tag, kind.tags.first(), rng.percent(50) ? QStringLiteral("troubleshooting")
                                                                          : QStringLiteral("how-to")};
    out.createdAt = utc(created);
    out.updatedAt = utc(updated);
    const QString problem = problemId(index);
    out.extra.insert(QLatin1String("problem_id"), problem);
    out.extra.insert(QLatin1String("component"), product.components[qsizetype(p.component)]);
    out.extra.insert(QLatin1String("applies_to"), m_articleText.appliesTo);
    out.extra.insert(QLatin1String("fixed_in"), p.fixedIn());
    out.extra.insert(QLatin1String("author"),
                     m_corpus.names(NameList::Authors)[rng.below(std::uint32_t(m_corpus.names(NameList::Authors).size()))]);
    out.extra.insert(QLatin1String("views"), views);
    out.extra.insert(QLatin1String("helpful_votes"), int(rng.below(std::uint32_t(views / 15 + 1))));
    if (truth)
        *truth = GroundTruth{problem, QString(), QString()};
}

void Generator::makeCase(qint64 index, Record &out, GroundTruth *truth)
{
    Rng meta(streamSeed(m_options.seed, CaseStream, std::uint64_t(index)));
    const qint64 span = qint64(m_options.spanDays) * kDay;
    const qint64 windowLast = m_options.startSecsSinceEpoch + span - 1; // the "export" happens at the end
    const bool duplicate = m_recentCount > 0 && meta.percent(m_options.nearDuplicatePercent);

    Recent self;
    self.caseIndex = index;
    QString duplicateOf;
    if (duplicate) {
        const Recent &src = m_recent[meta.below(std::uint32_t(m_recentCount))];
        self.wordingSeed = src.wordingSeed;
        self.problem = src.problem;
        self.created = std::min(src.created + 600 + below64(meta, 14 * kDay), windowLast);
        duplicateOf = caseId(src.caseIndex);
    } else {
        self.wordingSeed = meta.next();
        self.problem = drawProblem(meta);
        self.created = m_options.startSecsSinceEpoch + below64(meta, span);
        m_recent[std::size_t(m_recentNext)] = self;
        m_recentNext = (m_recentNext + 1) % kRecentWindow;
        m_recentCount = std::min(m_recentCount + 1, kRecentWindow);
    }

    const Problem p = m_corpus.problem(m_options.seed, self.problem);
    const Product &product = m_corpus.products()[std::size_t(p.product)];
    const ProblemKind &kind = m_corpus.kinds()[std::size_t(p.kind)];
    m_cases.compose(p, self.wordingSeed, duplicate ? &meta : nullptr, m_caseText);

    const int status = meta.weighted(kStatusWeights);
    const int priority = meta.weighted(kPriorityWeights);
    qint64 age = 0;
    switch (status) {
    case 0: age = below64(meta, 2 * kHour); break;
    case 1: age = kHour + below64(meta, 5 * kDay); break;
    case 2: age = kDay + below64(meta, 19 * kDay); break;
    case 3: age = 2 * kHour + below64(meta, 30 * kDay); break;
    default: age = kDay + below64(meta, 45 * kDay); break;
    }
    const QString answer = self.problem < m_options.articles ? articleId(self.problem) : QString();

    out = Record();
    out.collection = Collection::Cases;
    out.externalId = caseId(index);
    out.title = std::move(m_caseText.title);
    out.body = std::move(m_caseText.description);
    if (status >= 3)
        out.resolution = m_cases.resolution(p, answer, meta);
    out.status = kStatuses[status];
    out.priority = kPriorities[priority];
    out.product = product.name;
    out.tags = QStringList{product.tag, kind.tags[meta.below(std::uint32_t(kind.tags.size()))]};
    if (priority == 3 && meta.percent(60))
        out.tags << QStringLiteral("escalated");
    if (status == 2 && meta.percent(50))
        out.tags << QStringLiteral("waiting-for-customer");
    out.createdAt = utc(self.created);
    out.updatedAt = utc(std::min(self.created + age, windowLast));

    const int tier = meta.weighted(kTierWeights);
    out.extra.insert(QLatin1String("customer_tier"), kTiers[tier]);
    out.extra.insert(QLatin1String("channel"), kChannels[meta.weighted(kChannelWeights)]);
    out.extra.insert(QLatin1String("region"), kRegions[meta.weighted(kRegionWeights)]);
    const QStringList &agents = m_corpus.names(NameList::Agents);
    const QString &agent = agents[meta.below(std::uint32_t(agents.size()))];
    if (status != 0)
        out.extra.insert(QLatin1String("assignee"), agent);
    out.extra.insert(QLatin1String("product_version"), m_caseText.version);
    out.extra.insert(QLatin1String("component"), product.components[qsizetype(p.component)]);
    out.extra.insert(QLatin1String("environment"), m_caseText.environment);
    const QString problem = problemId(self.problem);
    out.extra.insert(QLatin1String("problem_id"), problem);
    if (!answer.isEmpty())
        out.extra.insert(QLatin1String("answer_article"), answer);
    if (!duplicateOf.isEmpty())
        out.extra.insert(QLatin1String("duplicate_of"), duplicateOf);
    if (truth)
        *truth = GroundTruth{problem, answer, duplicateOf};
}

} // namespace kms
