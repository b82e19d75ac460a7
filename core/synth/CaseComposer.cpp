// SPDX-License-Identifier: MIT
#include "synth/CaseComposer.h"

#include <algorithm>
#include <numeric>

namespace kms::synth {

namespace {

template <typename List>
const auto &pickFrom(const List &list, Rng &rng)
{
    return list[rng.below(std::uint32_t(list.size()))];
}

QString lowerFirst(const QString &s)
{
    QString out = s;
    if (out.size() > 1 && out[0].isUpper() && out[1].isLower())
        out[0] = out[0].toLower();
    return out;
}

} // namespace

CaseComposer::CaseComposer()
    : m_corpus(SyntheticCorpus::instance()), m_expander(m_corpus.slotLists())
{
    m_pieces.reserve(40);
}

void CaseComposer::setContext(const Problem &p, Rng &w)
{
    const Product &product = m_corpus.products()[std::size_t(p.product)];
    const ProblemKind &kind = m_corpus.kinds()[std::size_t(p.kind)];
    const auto &lists = m_corpus.slotLists();
    const int minor = p.minorFrom + int(w.below(std::uint32_t(p.minorTo - p.minorFrom + 1)));
    const int patch = int(w.below(std::uint32_t(p.fixedPatch)));
    m_expander.setValue(Slot::Product, product.name);
    m_expander.setValue(Slot::Version, p.affectedVersion(minor, patch));
    m_expander.setValue(Slot::OldVersion, minor > 0 ? p.affectedVersion(minor - 1, 3)
                                                    : p.affectedVersion(0, 0).replace(
                                                          QLatin1String(".0.0"), QLatin1String(".0.0-rc2")));
    m_expander.setValue(Slot::Component, product.components[qsizetype(p.component)]);
    m_expander.setValue(Slot::Code, kind.errors[std::size_t(p.error)].code);
    m_expander.setValue(Slot::Error, kind.errors[std::size_t(p.error)].message);
    m_expander.setValue(Slot::Situation, kind.situations[p.situation]);
    m_expander.setValue(Slot::ShortSymptom, kind.shortSymptoms[p.shortSymptom]);
    // Customers describe the same problem in different words: mostly the problem's own symptom.
    const int s1 = w.percent(70) ? p.symptom : int(w.below(std::uint32_t(kind.symptoms.size())));
    m_expander.setValue(Slot::Symptom, kind.symptoms[s1]);
    m_expander.setValue(Slot::Symptom2, kind.symptoms[s1 == p.symptom2 ? p.symptom : p.symptom2]);
    m_expander.setValue(Slot::Cause, kind.causes[std::size_t(p.cause)].cause);
    m_expander.setValue(Slot::Name, pickFrom(m_corpus.names(NameList::Customers), w));
    m_expander.setValue(Slot::Company, pickFrom(m_corpus.names(NameList::Companies), w));
    m_expander.setValue(Slot::Os, pickFrom(lists[std::size_t(Slot::Os)], w));
    m_expander.setValue(Slot::Deploy, pickFrom(lists[std::size_t(Slot::Deploy)], w));
    m_expander.setValue(Slot::Dbms, pickFrom(lists[std::size_t(Slot::Dbms)], w));
    m_expander.setValue(Slot::FixedIn, p.fixedIn());
    const int t1 = int(w.below(std::uint32_t(kind.tried.size())));
    const int t2 = (t1 + 1 + int(w.below(std::uint32_t(kind.tried.size() - 1)))) % int(kind.tried.size());
    m_expander.setValue(Slot::Tried, kind.tried[t1]);
    m_expander.setValue(Slot::Tried2, kind.tried[t2]);
}

CaseComposer::Piece &CaseComposer::addPiece(TextPart part, Rng &w, bool newParagraph, bool optional)
{
    Piece piece;
    piece.text.reserve(256); // one allocation for a typical sentence
    m_expander.append(pickFrom(m_corpus.templates(part), w), w, piece.text);
    capitalizeAt(piece.text, 0);
    piece.list = part == TextPart::CaseTried && piece.text.contains(QLatin1String("\n- "));
    piece.words = countWords(piece.text);
    piece.newParagraph = newParagraph;
    piece.optional = optional;
    m_pieces.push_back(std::move(piece));
    return m_pieces.back();
}

void CaseComposer::compose(const Problem &p, std::uint64_t wordingSeed, Rng *edits, CaseText &out)
{
    Rng w(wordingSeed);
    setContext(p, w);
    out.version = m_expander.value(Slot::Version);
    out.environment = m_expander.value(Slot::Os);

    // Writer persona: formal, casual or sloppy (abbreviations, typos).
    const int persona = w.weighted(std::array{45, 35, 20});
    m_expander.setInformalPercent(persona == 0 ? 0 : persona == 1 ? 25 : 70);
    const int typos = persona == 2 ? w.range(1, 3) : persona == 1 ? int(w.below(2)) : 0;

    out.title = m_expander.expand(pickFrom(m_corpus.templates(TextPart::CaseTitle), w), w);
    capitalizeAt(out.title, 0);
    if (edits && edits->percent(60)) // follow-up tickets: "RE: ...", "Still: ..."
        out.title.prepend(m_expander.expand(pickFrom(m_corpus.templates(TextPart::DuplicateTitle), *edits), *edits));

    m_pieces.clear();
    m_greeting = w.percent(60) ? pickFrom(m_corpus.names(NameList::Greetings), w) : QString();
    addPiece(TextPart::CaseOpening, w, false, false);
    if (w.percent(85))
        addPiece(TextPart::CaseError, w, false);
    const int details = w.range(1, 2);
    for (int i = 0; i < details; ++i)
        addPiece(TextPart::CaseDetail, w, i == 0);
    if (w.percent(80))
        addPiece(TextPart::CaseEnvironment, w, false);
    if (w.percent(75))
        addPiece(TextPart::CaseTried, w, true);
    const std::size_t fillerAt = m_pieces.size();
    const bool impact = w.percent(50);
    const bool request = w.percent(80);
    const bool signOff = w.percent(85);
    if (impact)
        addPiece(TextPart::CaseImpact, w, true);
    if (request)
        addPiece(TextPart::CaseRequest, w, !impact);
    if (signOff)
        addPiece(TextPart::CaseSignOff, w, true, false);

    // Filler sentences up to a target length, each used once, inserted before impact/request.
    int words = countWords(m_greeting);
    for (const Piece &piece : m_pieces)
        words += piece.words;
    // Most tickets are short, some are long stories: 60-247 words, mean about 115.
    const int target = kMinWords + int(w.below(40)) + int(w.below(40)) + (w.percent(25) ? int(w.below(110)) : 0);
    const auto &fillers = m_corpus.templates(TextPart::CaseFiller);
    const auto n = std::uint32_t(fillers.size());
    std::uint32_t step = 1 + w.below(n - 1);
    if (std::gcd(step, n) != 1)
        step = 1;
    std::uint32_t at = w.below(n);
    std::vector<Piece> extra;
    for (std::uint32_t used = 0; used < n && words < target; ++used, at = (at + step) % n) {
        Piece piece;
        piece.text.reserve(160);
        m_expander.append(fillers[at], w, piece.text);
        piece.words = countWords(piece.text);
        piece.newParagraph = extra.empty() && fillerAt > 0 && !m_pieces[fillerAt - 1].newParagraph;
        if (words + piece.words > kMaxWords)
            break;
        words += piece.words;
        extra.push_back(std::move(piece));
    }
    m_pieces.insert(m_pieces.begin() + qsizetype(fillerAt), std::make_move_iterator(extra.begin()),
                    std::make_move_iterator(extra.end()));

    if (edits)
        applyEdits(*edits);

    QString &d = out.description;
    d.clear();
    d.reserve(2048);
    if (!m_greeting.isEmpty())
        d += m_greeting + QLatin1String("\n\n");
    const qsizetype bodyStart = d.size();
    bool first = true;
    bool afterList = false; // a sentence after a "- item" list starts a new paragraph
    for (const Piece &piece : m_pieces) {
        if (piece.text.isEmpty())
            continue;
        if (!first)
            d += piece.newParagraph || afterList ? QLatin1String("\n\n") : QLatin1String(" ");
        d += piece.text;
        afterList = piece.list;
        first = false;
    }
    addTypos(d, bodyStart, typos, w);
    if (edits && edits->percent(40))
        addTypos(d, bodyStart, 1, *edits);
}

void CaseComposer::applyEdits(Rng &edits)
{
    int words = countWords(m_greeting);
    for (const Piece &piece : m_pieces)
        words += piece.words;
    // At most one sentence dropped and one reworded: the copy must stay a near-duplicate.
    const auto &fillers = m_corpus.templates(TextPart::CaseFiller);
    bool dropped = false;
    bool reworded = false;
    for (Piece &piece : m_pieces) {
        if (!piece.optional)
            continue;
        if (!dropped && words - piece.words >= kMinWords && edits.percent(10)) {
            dropped = true;
            words -= piece.words;
            piece.text.clear();
            piece.words = 0;
        } else if (!reworded && edits.percent(8)) {
            QString text = m_expander.expand(pickFrom(fillers, edits), edits);
            const int n = countWords(text);
            const bool repeats = std::any_of(m_pieces.begin(), m_pieces.end(),
                                             [&text](const Piece &other) { return other.text == text; });
            if (!repeats && words - piece.words + n <= kMaxWords && words - piece.words + n >= kMinWords) {
                reworded = true;
                words += n - piece.words;
                piece.text = std::move(text);
                piece.words = n;
                piece.list = false;
            }
        }
    }
    if (edits.percent(70)) {
        Piece note;
        note.text = m_expander.expand(pickFrom(m_corpus.templates(TextPart::DuplicateNote), edits), edits);
        capitalizeAt(note.text, 0);
        note.words = countWords(note.text);
        if (words + note.words <= kMaxWords) {
            words += note.words;
            const bool atStart = edits.percent(50);
            m_pieces.insert(atStart ? m_pieces.begin() : m_pieces.end() - 1, std::move(note));
        }
    }
    // The original may be under the minimum here only if the tables change; keep the guarantee.
    while (words < kMinWords) {
        Piece piece;
        piece.text = m_expander.expand(pickFrom(fillers, edits), edits);
        piece.words = countWords(piece.text);
        words += piece.words;
        m_pieces.insert(m_pieces.begin() + 1, std::move(piece));
    }
}

QString CaseComposer::resolution(const Problem &p, const QString &articleId, Rng &rng)
{
    const ProblemKind &kind = m_corpus.kinds()[std::size_t(p.kind)];
    const CauseAndFix &fix = kind.causes[std::size_t(p.cause)];
    m_expander.setInformalPercent(10);
    m_expander.setValue(Slot::Cause, fix.cause);
    m_expander.setValue(Slot::Article, articleId);
    m_expander.setValue(Slot::FixedIn, p.fixedIn());
    m_expander.setValue(Slot::Name, pickFrom(m_corpus.names(NameList::Customers), rng));

    const QString cause = m_expander.expand(pickFrom(m_corpus.templates(TextPart::ResolutionCause), rng), rng);
    QString steps = m_expander.expand(pickFrom(m_corpus.templates(TextPart::ResolutionFix), rng), rng);
    const int stepCount = std::min<int>(int(fix.steps.size()), rng.range(2, 4));
    for (int i = 0; i < stepCount; ++i) {
        if (i > 0)
            steps += i == stepCount - 1 ? QLatin1String(", then ") : QLatin1String(", ");
        steps += lowerFirst(fix.steps[i]);
    }
    steps += QLatin1Char('.');
    capitalizeAt(steps, 0);
    QString kb;
    const bool mentionKb = !articleId.isEmpty() && rng.percent(55);
    const bool kbFirst = mentionKb && rng.percent(35);
    if (mentionKb)
        kb = m_expander.expand(pickFrom(m_corpus.templates(TextPart::ResolutionKb), rng), rng);
    const QString close = m_expander.expand(pickFrom(m_corpus.templates(TextPart::ResolutionClose), rng), rng);

    QString out;
    if (kbFirst)
        out = kb + QLatin1Char(' ') + cause + QLatin1Char(' ') + steps;
    else
        out = cause + QLatin1Char(' ') + steps + (mentionKb ? QLatin1Char(' ') + kb : QString());
    if (countWords(out) + countWords(close) <= kMaxResolutionWords)
        out += QLatin1Char(' ') + close;
    // Every template set above stays inside 20-80 words; these guards keep it so if tables grow.
    if (countWords(out) < kMinResolutionWords)
        out += QLatin1String(" The customer tested the change in their environment and confirmed that the "
                             "problem is gone.");
    if (countWords(out) > kMaxResolutionWords)
        out = cause + (mentionKb ? QLatin1Char(' ') + kb : QString());
    return out;
}

} // namespace kms::synth
