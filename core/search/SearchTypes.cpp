// SPDX-License-Identifier: MIT
#include "search/SearchTypes.h"

namespace kms {

QString searchModeName(SearchMode m)
{
    switch (m) {
    case SearchMode::Keyword: return QStringLiteral("keyword");
    case SearchMode::Vector: return QStringLiteral("vector");
    case SearchMode::Hybrid: return QStringLiteral("hybrid");
    }
    return QStringLiteral("hybrid");
}

std::optional<SearchMode> searchModeFromName(QStringView n)
{
    const QString name = n.trimmed().toString().toLower();
    if (name == u"keyword" || name == u"bm25" || name == u"fts")
        return SearchMode::Keyword;
    if (name == u"vector" || name == u"semantic")
        return SearchMode::Vector;
    if (name == u"hybrid")
        return SearchMode::Hybrid;
    return std::nullopt;
}

QString fusionMethodName(FusionMethod f)
{
    return f == FusionMethod::Weighted ? QStringLiteral("weighted") : QStringLiteral("rrf");
}

std::optional<FusionMethod> fusionMethodFromName(QStringView n)
{
    const QString name = n.trimmed().toString().toLower();
    if (name == u"rrf")
        return FusionMethod::Rrf;
    if (name == u"weighted")
        return FusionMethod::Weighted;
    return std::nullopt;
}


} // namespace kms
