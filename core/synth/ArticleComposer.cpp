// SPDX-License-Identifier: MIT
#include "synth/ArticleComposer.h"

#include <numeric>

namespace kms::synth {

namespace {

template <typename List>
const auto &pickFrom(const List &list, Rng &rng)
{
    return list[rng.below(std::uint32_t(list.size()))];
}

QString capitalized(const QString &s)
{
    QString out = s;
    capitalizeAt(out, 0);
    return out;
}

} // namespace

ArticleComposer::ArticleComposer()
    : m_corpus(SyntheticCorpus::instance()), m_expander(m_corpus.slotLists())
{
    m_expander.setInformalPercent(0); // articles are edited text: formal spelling only
}

void ArticleComposer::appendSection(QString &body, QLatin1String heading)
{
    if (!body.isEmpty())
        body += QLatin1String("\n\n");
    body += heading;
    body += QLatin1Char('\n');
}

void ArticleComposer::compose(const Problem &p, Rng &rng, ArticleText &out)
{
    const Product &product = m_corpus.products()[std::size_t(p.product)];
    const ProblemKind &kind = m_corpus.kinds()[std::size_t(p.kind)];
    const ErrorCode &error = kind.errors[std::size_t(p.error)];
    const CauseAndFix &fix = kind.causes[std::size_t(p.cause)];
    const auto &lists = m_corpus.slotLists();

    m_expander.setValue(Slot::Product, product.name);
    m_expander.setValue(Slot::Component, product.components[qsizetype(p.component)]);
    m_expander.setValue(Slot::Code, error.code);
    m_expander.setValue(Slot::Error, error.message);
    m_expander.setValue(Slot::Situation, kind.situations[p.situation]);
    m_expander.setValue(Slot::ShortSymptom, kind.shortSymptoms[p.shortSymptom]);
    m_expander.setValue(Slot::Symptom, kind.symptoms[p.symptom]);
    m_expander.setValue(Slot::VersionFrom, p.versionFrom());
    m_expander.setValue(Slot::VersionTo, p.versionTo());
    m_expander.setValue(Slot::FixedIn, p.fixedIn());

    out.title = m_expander.expand(pickFrom(m_corpus.templates(TextPart::ArticleTitle), rng), rng);
    capitalizeAt(out.title, 0);
    out.appliesTo = p.versionFrom() + QLatin1String(" - ") + p.versionTo();

    QString &b = out.body;
    b.clear();
    b.reserve(4096);
    appendSection(b, QLatin1String("Summary"));
    m_expander.append(pickFrom(m_corpus.templates(TextPart::ArticleSummary), rng), rng, b);

    appendSection(b, QLatin1String("Symptoms"));
    b += QLatin1String("- ") + capitalized(kind.symptoms[p.symptom]) + QLatin1String(".\n- ")
         + capitalized(kind.symptoms[p.symptom2]) + QLatin1String(".\n- The ")
         + product.components[qsizetype(p.component)] + QLatin1String(" log contains: ") + error.message;

    appendSection(b, QLatin1String("Cause"));
    b += capitalized(fix.cause) + QLatin1Char('.');

    appendSection(b, QLatin1String("Resolution"));
    int n = 0;
    for (const QString &step : fix.steps) {
        b += QString::number(++n) + QLatin1String(". ") + step + QLatin1String(".\n");
    }
    b += QString::number(++n) + QLatin1String(". Confirm that ") + error.code
         + QLatin1String(" no longer appears in the ") + product.components[qsizetype(p.component)]
         + QLatin1String(" log.");

    if (rng.percent(50)) {
        appendSection(b, QLatin1String("Workaround"));
        m_expander.append(pickFrom(m_corpus.templates(TextPart::ArticleWorkaround), rng), rng, b);
    }

    appendSection(b, QLatin1String("Applies to"));
    const QStringList &os = lists[std::size_t(Slot::Os)];
    const auto os1 = rng.below(std::uint32_t(os.size()));
    const auto os2 = (os1 + 1 + rng.below(std::uint32_t(os.size() - 1))) % std::uint32_t(os.size());
    b += product.name + QLatin1Char(' ') + p.versionFrom() + QLatin1String(" to ") + p.versionTo()
         + QLatin1String(", tested on ") + os[os1] + QLatin1String(" and ") + os[os2]
         + QLatin1String(". Fixed in ") + p.fixedIn() + QLatin1Char('.');

    // "More information" sentences, each once, until the target length.
    int words = countWords(b);
    const int target = kMinWords + 10 + int(rng.below(130)) + int(rng.below(130)) + int(rng.below(130));
    const auto &fillers = m_corpus.templates(TextPart::ArticleFiller);
    const auto count = std::uint32_t(fillers.size());
    std::uint32_t step = 1 + rng.below(count - 1);
    if (std::gcd(step, count) != 1)
        step = 1;
    std::uint32_t at = rng.below(count);
    bool opened = false;
    QString sentence;
    for (std::uint32_t used = 0; used < count && words < target; ++used, at = (at + step) % count) {
        sentence = m_expander.expand(fillers[at], rng);
        const int w = countWords(sentence);
        if (words + w > kMaxWords - 10)
            break;
        if (!opened)
            appendSection(b, QLatin1String("More information"));
        else
            b += (used % 3 == 0) ? QLatin1String("\n\n") : QLatin1String(" ");
        opened = true;
        b += sentence;
        words += w;
    }
    b += QLatin1String("\n\nKeywords: ") + error.code + QLatin1String(", ") + product.tag;
    for (const QString &tag : kind.tags)
        b += QLatin1String(", ") + tag;
}

} // namespace kms::synth
