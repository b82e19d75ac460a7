// SPDX-License-Identifier: MIT
#include "synth/SyntheticCorpus.h"

#include "synth/Random.h"

namespace kms::synth {

namespace {

QStringList splitList(const char *utf8, char16_t separator = u'|')
{
    if (!utf8)
        return {};
    return QString::fromUtf8(utf8).split(separator, Qt::SkipEmptyParts);
}

// "v2.3.1"; built by hand because it runs several times per record.
QString versionString(int major, int minor, int patch)
{
    char buf[40];
    int len = 0;
    buf[len++] = 'v';
    auto put = [&](int v) {
        char digits[12];
        int n = 0;
        do {
            digits[n++] = char('0' + v % 10);
            v /= 10;
        } while (v > 0 && n < 11);
        while (n > 0)
            buf[len++] = digits[--n];
    };
    put(major);
    buf[len++] = '.';
    put(minor);
    buf[len++] = '.';
    put(patch);
    return QString::fromLatin1(buf, len);
}

} // namespace

QString Problem::versionFrom() const { return versionString(major, minorFrom, 0); }
QString Problem::versionTo() const { return versionString(major, minorTo, fixedPatch - 1); }
QString Problem::fixedIn() const { return versionString(major, minorTo, fixedPatch); }
QString Problem::affectedVersion(int minor, int patch) const { return versionString(major, minor, patch); }

const SyntheticCorpus &SyntheticCorpus::instance()
{
    static const SyntheticCorpus corpus; // thread-safe initialisation
    return corpus;
}

SyntheticCorpus::SyntheticCorpus()
{
    auto fail = [this](const QString &what) {
        if (m_error.isEmpty())
            m_error = what;
    };

    for (const KindData &k : kindData()) {
        ProblemKind kind;
        kind.key = QString::fromUtf8(k.key);
        kind.category = QString::fromUtf8(k.category);
        for (const QString &e : splitList(k.errors)) {
            const qsizetype sep = e.indexOf(u'~');
            if (sep <= 0)
                fail(QStringLiteral("kind %1: error \"%2\" is not code~message").arg(kind.key, e));
            kind.errors.push_back({e.left(sep), e.mid(sep + 1)});
        }
        kind.situations = splitList(k.situations);
        kind.shortSymptoms = splitList(k.shortSymptoms);
        kind.symptoms = splitList(k.symptoms);
        for (const QString &c : splitList(k.causes)) {
            const qsizetype sep = c.indexOf(u'~');
            if (sep <= 0)
                fail(QStringLiteral("kind %1: cause \"%2\" is not cause~steps").arg(kind.key, c));
            kind.causes.push_back({c.left(sep), c.mid(sep + 1).split(u';', Qt::SkipEmptyParts)});
            if (kind.causes.back().steps.size() < 2)
                fail(QStringLiteral("kind %1: cause \"%2\" needs at least two steps").arg(kind.key, c));
        }
        kind.tried = splitList(k.tried);
        kind.tags = splitList(k.tags);
        if (kind.errors.empty() || kind.situations.isEmpty() || kind.shortSymptoms.isEmpty()
            || kind.symptoms.size() < 2 || kind.causes.empty() || kind.tried.size() < 2 || kind.tags.isEmpty())
            fail(QStringLiteral("kind %1: a list is empty or too short").arg(kind.key));
        m_kinds.push_back(std::move(kind));
    }

    for (const ProductData &p : productData()) {
        Product product;
        product.name = QString::fromUtf8(p.name);
        product.tag = QString::fromUtf8(p.tag);
        product.components = splitList(p.components);
        product.major = p.major;
        for (const QString &key : splitList(p.kinds, u',')) {
            int found = -1;
            for (std::size_t i = 0; i < m_kinds.size(); ++i) {
                if (m_kinds[i].key == key)
                    found = int(i);
            }
            if (found < 0)
                fail(QStringLiteral("product %1: unknown problem kind \"%2\"").arg(product.name, key));
            else
                product.kinds.push_back(found);
        }
        if (product.components.isEmpty() || product.kinds.empty())
            fail(QStringLiteral("product %1: no components or kinds").arg(product.name));
        m_products.push_back(std::move(product));
    }

    for (int s = 0; s < kSlotCount; ++s)
        m_slotLists[std::size_t(s)] = splitList(slotData(s));
    for (int s = kContextSlots; s < kSlotCount; ++s) {
        if (m_slotLists[std::size_t(s)].isEmpty())
            fail(QStringLiteral("slot %1 has no values").arg(s));
    }

    for (int part = 0; part < kTextPartCount; ++part) {
        for (const char *text : textData(TextPart(part))) {
            QString why;
            auto t = parseTemplate(text, &why);
            if (!t) {
                fail(why);
                continue;
            }
            m_templates[std::size_t(part)].push_back(std::move(*t));
        }
        if (m_templates[std::size_t(part)].empty())
            fail(QStringLiteral("text part %1 has no templates").arg(part));
    }

    for (int n = 0; n < int(NameList::End_); ++n)
        m_names[std::size_t(n)] = splitList(nameData(NameList(n)));
}

Problem SyntheticCorpus::problem(std::uint64_t seed, std::int64_t index) const
{
    Rng rng(streamSeed(seed, ProblemStream, std::uint64_t(index)));
    auto pick = [&rng](auto size) { return int(rng.below(std::uint32_t(size))); };

    Problem p;
    p.index = index;
    p.product = pick(m_products.size());
    const Product &product = m_products[std::size_t(p.product)];
    p.kind = product.kinds[std::size_t(pick(product.kinds.size()))];
    const ProblemKind &kind = m_kinds[std::size_t(p.kind)];
    p.component = pick(product.components.size());
    p.error = pick(kind.errors.size());
    p.cause = pick(kind.causes.size());
    p.situation = pick(kind.situations.size());
    p.shortSymptom = pick(kind.shortSymptoms.size());
    p.symptom = pick(kind.symptoms.size());
    const int n = int(kind.symptoms.size());
    p.symptom2 = (p.symptom + 1 + pick(n - 1)) % n;
    p.major = product.major + pick(2);
    p.minorFrom = pick(8);
    p.minorTo = p.minorFrom + pick(3);
    p.fixedPatch = rng.range(2, 6);
    return p;
}

} // namespace kms::synth
