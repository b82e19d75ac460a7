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

} // namespace kms
