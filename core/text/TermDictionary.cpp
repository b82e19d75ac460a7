// SPDX-License-Identifier: MIT
#include "text/TermDictionary.h"

#include "text/Normalizer.h"

#include <QFile>
#include <QLoggingCategory>

#include <algorithm>

// The resources are compiled into a static library; nothing else references the rcc object, so the
// linker would drop it without this explicit initialisation. Q_INIT_RESOURCE must be used outside
// any namespace.
static void initKmsResources()
{
    Q_INIT_RESOURCE(kms_core_resources);
}

namespace kms {

namespace {

Q_LOGGING_CATEGORY(lcText, "kms.core.text")

// Rule sides go through the same tokeniser as the text they will be matched against, minus the
// dictionary itself.
QStringList matchingWords(const QString &side)
{
    static const Normalizer plain;
    return plain.tokens(side);
}

QString located(const QString &source, int line, const QString &what)
{
    return QStringLiteral("%1:%2: %3").arg(source).arg(line).arg(what);
}

} // namespace

bool TermDictionary::loadFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("%1: cannot open term dictionary: %2").arg(path, file.errorString());
        return false;
    }
    return loadText(QString::fromUtf8(file.readAll()), path, error);
}

bool TermDictionary::loadText(const QString &text, const QString &sourceName, QString *error)
{
    static const QString separators[] = {QStringLiteral("=>"), QStringLiteral("\u2192"),
                                         QStringLiteral("->")};
    const QStringList lines = text.split(u'\n');
    for (qsizetype index = 0; index < lines.size(); ++index) {
        const int lineNo = int(index + 1);
        QStringView line = lines[index];
        if (index == 0 && line.startsWith(u'\uFEFF'))
            line = line.mid(1);
        const qsizetype hash = line.indexOf(u'#');
        if (hash >= 0)
            line = line.left(hash);
        line = line.trimmed();
        if (line.isEmpty())
            continue;

        const QString *sep = nullptr;
        qsizetype pos = -1;
        for (const QString &candidate : separators) {
            pos = line.indexOf(candidate);
            if (pos >= 0) {
                sep = &candidate;
                break;
            }
        }
        auto fail = [&](const QString &what) {
            if (error)
                *error = located(sourceName, lineNo, what);
            return false;
        };
        if (!sep)
            return fail(QStringLiteral("expected 'term => replacement', got '%1'").arg(line));
        if (line.indexOf(*sep, pos + sep->size()) >= 0)
            return fail(QStringLiteral("more than one '%1' in '%2'").arg(*sep, line));
        const QString from = line.left(pos).trimmed().toString();
        const QString to = line.mid(pos + sep->size()).trimmed().toString();
        if (from.isEmpty())
            return fail(QStringLiteral("missing term before '%1'").arg(*sep));
        if (to.isEmpty())
            return fail(QStringLiteral("missing replacement after '%1'").arg(*sep));
        const QStringList fromWords = matchingWords(from);
        if (fromWords.isEmpty())
            return fail(QStringLiteral("term '%1' has no letters or digits").arg(from));
        const QStringList toWords = matchingWords(to);
        if (toWords.isEmpty())
            return fail(QStringLiteral("replacement '%1' has no letters or digits").arg(to));
        addNormalized(fromWords, toWords);
    }
    return true;
}

bool TermDictionary::addRule(const QString &from, const QString &to)
{
    const QStringList fromWords = matchingWords(from);
    const QStringList toWords = matchingWords(to);
    if (fromWords.isEmpty() || toWords.isEmpty())
        return false;
    addNormalized(fromWords, toWords);
    return true;
}

void TermDictionary::addNormalized(const QStringList &fromWords, const QStringList &toWords)
{
    const QString key = fromWords.join(u' ');
    m_rules.insert(key, toWords.join(u' '));
    const size_t bit = filterBit(fromWords.front());
    m_filter[bit >> 6] |= quint64(1) << (bit & 63);
    if (fromWords.size() == 1) {
        m_words[key].replacement = toWords;
        return;
    }
    m_phrases.insert(key, toWords);
    for (const QString &word : fromWords)
        m_phraseWords.insert(word);
    WordEntry &first = m_words[fromWords.front()];
    first.longestPhrase = std::max(first.longestPhrase, int(fromWords.size()));
    m_maxWords = std::max(m_maxWords, int(fromWords.size()));
}

size_t TermDictionary::filterBit(QStringView word)
{
    quint32 h = 2166136261u; // FNV-1a over the UTF-16 units
    for (const QChar c : word)
        h = (h ^ c.unicode()) * 16777619u;
    return size_t(h ^ (h >> 16)) & 4095;
}

const TermDictionary::WordEntry *TermDictionary::wordEntry(const QString &word) const
{
    const size_t bit = filterBit(word);
    if (!(m_filter[bit >> 6] & (quint64(1) << (bit & 63))))
        return nullptr;
    const auto it = m_words.constFind(word);
    return it == m_words.cend() ? nullptr : &it.value();
}

const QStringList *TermDictionary::phraseReplacement(const QString &phrase) const
{
    const auto it = m_phrases.constFind(phrase);
    return it == m_phrases.cend() ? nullptr : &it.value();
}

TermDictionary TermDictionary::builtIn()
{
    // Parsed once per process; copies share the hash tables (implicit sharing).
    static const TermDictionary dictionary = [] {
        initKmsResources();
        TermDictionary d;
        QString error;
        if (!d.loadFile(QStringLiteral(":/kms/terms/default-terms.txt"), &error))
            qCWarning(lcText, "built-in term dictionary: %s", qPrintable(error));
        return d;
    }();
    return dictionary;
}

} // namespace kms
