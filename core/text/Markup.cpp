// SPDX-License-Identifier: MIT
#include "text/Markup.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace kms {

namespace {

enum class TagKind { NotATag, Inline, Block, RawText };

// Sorted, so lookups are a binary search. Inline elements do not separate words.
constexpr auto kInlineTags = std::to_array<std::string_view>({
    "a",    "abbr",   "acronym", "b",    "bdi",   "bdo",  "big",  "cite", "code", "data", "del",
    "dfn",  "em",     "font",    "i",    "ins",   "kbd",  "mark", "nobr", "q",    "s",    "samp",
    "small", "span",  "strike",  "strong", "sub", "sup",  "tt",   "u",    "var"});
static_assert(std::is_sorted(kInlineTags.begin(), kInlineTags.end()));

// Everything else a support system's rich text is likely to contain; each separates words.
constexpr auto kBlockTags = std::to_array<std::string_view>({
    "address", "area",   "article",  "aside",   "audio",    "base",   "blockquote", "body",
    "br",      "button", "canvas",   "caption", "center",   "col",    "colgroup",   "dd",
    "details", "dialog", "dir",      "div",     "dl",       "dt",     "embed",      "fieldset",
    "figcaption", "figure", "footer", "form",   "frame",    "frameset", "h1",       "h2",
    "h3",      "h4",     "h5",       "h6",      "head",     "header", "hr",         "html",
    "iframe",  "img",    "input",    "label",   "legend",   "li",     "link",       "main",
    "map",     "menu",   "meta",     "nav",     "noscript", "object", "ol",         "optgroup",
    "option",  "p",      "param",    "picture", "pre",      "section", "select",    "source",
    "summary", "table",  "tbody",    "td",      "template", "textarea", "tfoot",    "th",
    "thead",   "title",  "tr",       "ul"});
static_assert(std::is_sorted(kBlockTags.begin(), kBlockTags.end()));

constexpr std::array<std::string_view, 2> kRawTextTags = {"script", "style"};

struct NamedEntity {
    std::string_view name;
    char16_t ch;
};

// The entities that actually show up in exported tickets and knowledge articles.
constexpr auto kEntities = std::to_array<NamedEntity>({
    {"amp", u'&'},       {"apos", u'\''},     {"bdquo", u'\u201E'}, {"bull", u'\u2022'},
    {"cent", u'\u00A2'}, {"copy", u'\u00A9'}, {"deg", u'\u00B0'},   {"divide", u'\u00F7'},
    {"emsp", u'\u2003'}, {"ensp", u'\u2002'}, {"euro", u'\u20AC'},  {"gt", u'>'},
    {"hellip", u'\u2026'}, {"laquo", u'\u00AB'}, {"ldquo", u'\u201C'}, {"lsaquo", u'\u2039'},
    {"lsquo", u'\u2018'}, {"lt", u'<'},       {"mdash", u'\u2014'}, {"middot", u'\u00B7'},
    {"nbsp", u'\u00A0'}, {"ndash", u'\u2013'}, {"para", u'\u00B6'}, {"plusmn", u'\u00B1'},
    {"pound", u'\u00A3'}, {"quot", u'"'},     {"raquo", u'\u00BB'}, {"rarr", u'\u2192'},
    {"rdquo", u'\u201D'}, {"reg", u'\u00AE'}, {"rsaquo", u'\u203A'}, {"rsquo", u'\u2019'},
    {"sbquo", u'\u201A'}, {"sect", u'\u00A7'}, {"shy", u'\u00AD'},  {"thinsp", u'\u2009'},
    {"times", u'\u00D7'}, {"trade", u'\u2122'},
});

constexpr bool isAsciiAlpha(char16_t c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
constexpr bool isAsciiDigit(char16_t c) { return c >= '0' && c <= '9'; }
constexpr char16_t asciiLower(char16_t c) { return (c >= 'A' && c <= 'Z') ? char16_t(c | 0x20) : c; }

template <size_t N>
constexpr bool contains(const std::array<std::string_view, N> &sorted, std::string_view name)
{
    return std::binary_search(sorted.begin(), sorted.end(), name);
}

TagKind classifyTag(std::string_view name)
{
    if (contains(kInlineTags, name))
        return TagKind::Inline;
    if (contains(kBlockTags, name))
        return TagKind::Block;
    if (name == kRawTextTags[0] || name == kRawTextTags[1])
        return TagKind::RawText;
    return TagKind::NotATag;
}

// Case-insensitive search for an ASCII needle (given in lower case); returns the index or -1.
qsizetype findAsciiNoCase(const char16_t *s, qsizetype from, qsizetype n, std::string_view needle)
{
    const auto m = qsizetype(needle.size());
    for (qsizetype i = from; i + m <= n; ++i) {
        qsizetype k = 0;
        while (k < m && asciiLower(s[i + k]) == char16_t(needle[size_t(k)]))
            ++k;
        if (k == m)
            return i;
    }
    return -1;
}

// Index just past the '>' that closes the tag starting at `from`, skipping quoted attribute values
// (title="a > b"); -1 when the tag never closes.
qsizetype tagEnd(const char16_t *s, qsizetype from, qsizetype n)
{
    char16_t quote = 0;
    for (qsizetype i = from; i < n; ++i) {
        const char16_t c = s[i];
        if (quote) {
            if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            return i + 1;
        }
    }
    return -1;
}

// Output goes straight into a buffer of the input's size: markup and entities only ever shrink.
struct Writer {
    char16_t *d;
    qsizetype w = 0;
    void put(char16_t c) { d[w++] = c; }
};

void appendCodePoint(Writer &out, char32_t cp)
{
    // NUL, surrogates and out-of-range values are what broken exports produce: drop them.
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return;
    if (cp < 0x10000) {
        out.put(char16_t(cp));
    } else {
        out.put(QChar::highSurrogate(cp));
        out.put(QChar::lowSurrogate(cp));
    }
}

// Decodes the entity starting at s[i] == '&'; returns the index after it, or i when it is not one.
qsizetype decodeEntity(const char16_t *s, qsizetype i, qsizetype n, Writer &out)
{
    constexpr qsizetype kMaxLen = 10; // longest we decode: "&#x10FFFF;" minus the '&'
    qsizetype j = i + 1;
    if (j < n && s[j] == '#') {
        ++j;
        const bool hex = j < n && (s[j] | 0x20) == 'x';
        if (hex)
            ++j;
        const qsizetype digitsStart = j;
        char32_t cp = 0;
        while (j < n && j - i <= kMaxLen) {
            const char16_t c = s[j];
            int d = -1;
            if (isAsciiDigit(c))
                d = c - '0';
            else if (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f')
                d = (c | 0x20) - 'a' + 10;
            if (d < 0)
                break;
            cp = cp * (hex ? 16 : 10) + char32_t(d);
            ++j;
        }
        if (j == digitsStart || j >= n || s[j] != ';')
            return i;
        appendCodePoint(out, cp);
        return j + 1;
    }
    char name[kMaxLen];
    qsizetype len = 0;
    while (j < n && len < kMaxLen && isAsciiAlpha(s[j]))
        name[len++] = char(s[j++]);
    if (len == 0 || j >= n || s[j] != ';')
        return i;
    const std::string_view key(name, size_t(len));
    for (const NamedEntity &e : kEntities) {
        if (e.name == key) {
            out.put(e.ch);
            return j + 1;
        }
    }
    return i;
}

} // namespace

bool mayContainMarkup(QStringView text)
{
    for (const QChar c : text) {
        if (c == u'<' || c == u'&')
            return true;
    }
    return false;
}

QString stripMarkup(QStringView text)
{
    const auto *s = reinterpret_cast<const char16_t *>(text.utf16());
    const qsizetype n = text.size();
    QString result(n, Qt::Uninitialized);
    Writer out{reinterpret_cast<char16_t *>(result.data())};
    qsizetype i = 0;
    while (i < n) {
        const char16_t c = s[i];
        if (c == '&') {
            const qsizetype next = decodeEntity(s, i, n, out);
            if (next != i) {
                i = next;
                continue;
            }
        } else if (c == '<' && i + 1 < n) {
            const char16_t c1 = s[i + 1];
            if (c1 == '!' && i + 3 < n && s[i + 2] == '-' && s[i + 3] == '-') {
                // Comment: dropped up to "-->" (or to the end, as a browser would).
                const qsizetype end = findAsciiNoCase(s, i + 4, n, "-->");
                i = end < 0 ? n : end + 3;
                out.put(u' ');
                continue;
            }
            if ((c1 == '!' || c1 == '?') && i + 2 < n && (isAsciiAlpha(s[i + 2]) || s[i + 2] == '[')) {
                // <!DOCTYPE ...>, <![CDATA[ ...]]> markers, <?xml ...?>
                const qsizetype end = tagEnd(s, i + 2, n);
                if (end > 0) {
                    i = end;
                    out.put(u' ');
                    continue;
                }
            }
            const bool closing = c1 == '/';
            qsizetype j = i + (closing ? 2 : 1);
            char name[12];
            qsizetype len = 0;
            while (j < n && len < qsizetype(sizeof name) && (isAsciiAlpha(s[j]) || isAsciiDigit(s[j])))
                name[len++] = char(asciiLower(s[j++]));
            const bool nameEnds = j >= n || s[j] == '>' || s[j] == '/' || s[j] == ' ' || s[j] == '\t'
                                  || s[j] == '\n' || s[j] == '\r';
            const TagKind kind = (len > 0 && isAsciiAlpha(char16_t(name[0])) && nameEnds)
                                     ? classifyTag(std::string_view(name, size_t(len)))
                                     : TagKind::NotATag;
            const qsizetype end = kind == TagKind::NotATag ? -1 : tagEnd(s, j, n);
            if (end > 0) {
                i = end;
                const bool selfClosing = s[end - 2] == '/';
                if (kind == TagKind::RawText && !closing && !selfClosing) {
                    const std::string_view closeTag = name[1] == 'c' ? "</script" : "</style";
                    const qsizetype close = findAsciiNoCase(s, i, n, closeTag);
                    i = close < 0 ? n : close; // the closing tag itself is handled next round
                }
                if (kind != TagKind::Inline)
                    out.put(u' ');
                continue;
            }
        }
        out.put(c);
        ++i;
    }
    result.truncate(out.w);
    return result;
}

} // namespace kms
