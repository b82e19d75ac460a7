// SPDX-License-Identifier: MIT
#include "model/Record.h"

namespace kms {

QString collectionName(Collection c)
{
    return c == Collection::Knowledge ? QStringLiteral("knowledge") : QStringLiteral("cases");
}

std::optional<Collection> collectionFromName(QStringView name)
{
    const QString n = name.trimmed().toString().toLower();
    if (n == u"cases" || n == u"case" || n == u"tickets" || n == u"ticket")
        return Collection::Cases;
    if (n == u"knowledge" || n == u"articles" || n == u"article" || n == u"kb")
        return Collection::Knowledge;
    return std::nullopt;
}

QString titleFromBody(const QString &body)
{
    constexpr qsizetype MaxChars = 120;
    for (QStringView line : QStringView(body).split(u'\n')) {
        const QString text = line.trimmed().toString().simplified();
        if (text.isEmpty())
            continue;
        if (text.size() <= MaxChars)
            return text;
        qsizetype cut = text.lastIndexOf(u' ', MaxChars - 1);
        if (cut < MaxChars / 2) // one long word: cut inside it rather than keep a stub
            cut = MaxChars - 1;
        return text.left(cut).trimmed() + QChar(0x2026);
    }
    return {};
}

} // namespace kms
