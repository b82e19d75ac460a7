// SPDX-License-Identifier: MIT
#include "synth/Template.h"

#include <iterator>

namespace kms::synth {

namespace {

constexpr const char *kSlotNames[] = {
    "product", "version", "oldversion", "component", "code", "error", "situation", "shortsymptom",
    "symptom", "symptom2", "cause", "name", "company", "os", "deploy", "dbms", "versionfrom",
    "versionto", "fixedin", "category", "agent", "tried", "tried2", "article",
    "when", "step", "count", "impact", "frequency", "time", "browser", "runtime",
    "db", "pwd", "k8s", "vpn", "pls", "cfg", "env", "prod", "app", "msg", "asap", "thanks", "you",
    "info", "auth", "server", "users"};
static_assert(std::size(kSlotNames) == kSlotCount, "one name per slot");

} // namespace

std::optional<Slot> slotFromName(QStringView name)
{
    for (int i = 0; i < kSlotCount; ++i) {
        if (name == QLatin1String(kSlotNames[i]))
            return Slot(i);
    }
    return std::nullopt;
}

std::optional<Template> parseTemplate(const char *utf8, QString *error)
{
    const QString text = QString::fromUtf8(utf8);
    Template out;
    qsizetype pos = 0;
    while (pos < text.size()) {
        const qsizetype open = text.indexOf(u'{', pos);
        if (open < 0) {
            out.push_back({text.mid(pos), -1});
            break;
        }
        if (open > pos)
            out.push_back({text.mid(pos, open - pos), -1});
        const qsizetype close = text.indexOf(u'}', open);
        if (close < 0) {
            if (error)
                *error = QStringLiteral("template \"%1\": unclosed placeholder").arg(text);
            return std::nullopt;
        }
        const QStringView name = QStringView(text).mid(open + 1, close - open - 1);
        const auto slot = slotFromName(name);
        if (!slot) {
            if (error)
                *error = QStringLiteral("template \"%1\": unknown placeholder {%2}").arg(text, name);
            return std::nullopt;
        }
        out.push_back({QString(), int(*slot)});
        pos = close + 1;
    }
    return out;
}

void Expander::append(const Template &t, Rng &rng, QString &out) const
{
    for (const Segment &seg : t) {
        if (seg.slot < 0) {
            out += seg.text;
        } else if (seg.slot < kContextSlots) {
            out += m_context[std::size_t(seg.slot)];
        } else {
            const QStringList &list = m_lists[std::size_t(seg.slot)];
            if (list.isEmpty())
                continue;
            if (seg.slot < kFirstWordingSlot) {
                out += list[rng.below(std::uint32_t(list.size()))];
            } else if (list.size() > 1 && rng.percent(m_informalPercent)) {
                out += list[1 + rng.below(std::uint32_t(list.size() - 1))];
            } else {
                out += list.first();
            }
        }
    }
}

int countWords(QStringView text)
{
    // Hot path (every sentence is measured): branch-free; anything <= U+0020 separates words.
    int words = 0;
    int previousSpace = 1;
    for (const char16_t *p = text.utf16(), *end = p + text.size(); p != end; ++p) {
        const int space = *p <= u' ' ? 1 : 0;
        words += previousSpace & (space ^ 1);
        previousSpace = space;
    }
    return words;
}

void addTypos(QString &text, qsizetype from, int count, Rng &rng)
{
    if (count <= 0)
        return;
    // Candidate words found in one pass; at most 64 remembered, enough to choose from.
    std::array<qsizetype, 64> starts{};
    int n = 0;
    const char16_t *p = QStringView(text).utf16();
    const qsizetype size = text.size();
    auto isSpace = [](char16_t c) { return c == u' ' || c == u'\n' || c == u'\t' || c == u'\r'; };
    auto isPunct = [](char16_t c) { return c == u',' || c == u'.' || c == u'?' || c == u'!' || c == u':'; };
    qsizetype i = from;
    while (i < size && n < int(starts.size())) {
        while (i < size && isSpace(p[i]))
            ++i;
        const qsizetype start = i;
        qsizetype j = i;
        while (j < size && !isSpace(p[j]))
            ++j;
        qsizetype end = j; // trailing punctuation does not make a word special
        while (end > start && isPunct(p[end - 1]))
            --end;
        bool plain = end - start >= 5;
        for (qsizetype k = start; plain && k < end; ++k)
            plain = p[k] >= u'a' && p[k] <= u'z';
        if (plain)
            starts[std::size_t(n++)] = start;
        i = j;
    }
    for (int k = 0; k < count && n > 0; ++k) {
        const qsizetype start = starts[rng.below(std::uint32_t(n))];
        const qsizetype at = start + 1 + qsizetype(rng.below(3)); // words have >= 5 letters
        const QChar tmp = text[at];
        text[at] = text[at + 1];
        text[at + 1] = tmp;
    }
}

void capitalizeAt(QString &text, qsizetype pos)
{
    if (pos < text.size() && text[pos].isLower())
        text[pos] = text[pos].toUpper();
}

} // namespace kms::synth
