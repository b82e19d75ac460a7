// SPDX-License-Identifier: MIT
#include "searchpage/SnippetHtml.h"

namespace kms::ui {

namespace {

const QString kOpen = QStringLiteral("[[");
const QString kClose = QStringLiteral("]]");

QString escaped(QStringView text)
{
    QString out = text.toString().toHtmlEscaped();
    out.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    return out;
}

QString marked(QStringView word, const QColor &highlight)
{
    return QStringLiteral("<b style=\"background-color:%1\">%2</b>").arg(highlight.name(), escaped(word));
}

// Calls plain(segment) and match(segment) in order for the marker-delimited parts of `text`.
template<typename Plain, typename Match>
void forEachPart(const QString &text, Plain plain, Match match)
{
    qsizetype at = 0;
    while (at < text.size()) {
        const qsizetype open = text.indexOf(kOpen, at);
        const qsizetype close = open < 0 ? -1 : text.indexOf(kClose, open + kOpen.size());
        if (open < 0 || close < 0) {
            plain(QStringView(text).mid(at));
            return;
        }
        plain(QStringView(text).mid(at, open - at));
        match(QStringView(text).mid(open + kOpen.size(), close - open - kOpen.size()));
        at = close + kClose.size();
    }
}

} // namespace

QString snippetToHtml(const QString &text, const QColor &highlight)
{
    QString out;
    out.reserve(text.size() + 64);
    forEachPart(
        text, [&](QStringView s) { out += escaped(s); }, [&](QStringView s) { out += marked(s, highlight); });
    return out;
}

QString snippetToPlain(const QString &text)
{
    QString out;
    out.reserve(text.size());
    forEachPart(
        text, [&](QStringView s) { out += s; }, [&](QStringView s) { out += s; });
    return out;
}

QString spansToHtml(const QString &text, const QList<TextSpan> &spans, const QColor &highlight)
{
    QString out;
    out.reserve(text.size() + spans.size() * 48);
    qsizetype at = 0;
    for (const TextSpan &s : spans) {
        if (s.start < at || s.end > text.size() || s.end <= s.start)
            continue; // not from this text: never mark out of order
        out += escaped(QStringView(text).mid(at, s.start - at));
        out += marked(QStringView(text).mid(s.start, s.end - s.start), highlight);
        at = s.end;
    }
    out += escaped(QStringView(text).mid(at));
    return out;
}

QColor matchBackground(const QColor &base)
{
    // Soft yellow on light backgrounds, dark amber on dark ones: the text colour stays readable.
    return base.lightness() < 128 ? QColor(0x6b, 0x55, 0x10) : QColor(0xff, 0xe9, 0x8a);
}

} // namespace kms::ui
