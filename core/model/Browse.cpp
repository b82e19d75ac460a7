// SPDX-License-Identifier: MIT
#include "model/Browse.h"

namespace kms {

namespace {
struct SortName {
    BrowseSort sort;
    const char *name;
};
constexpr SortName kSortNames[] = {
    {BrowseSort::ExternalId, "id"},   {BrowseSort::Title, "title"},       {BrowseSort::Status, "status"},
    {BrowseSort::Priority, "priority"}, {BrowseSort::Product, "product"}, {BrowseSort::Category, "category"},
    {BrowseSort::Updated, "updated"}};
} // namespace

QString browseSortName(BrowseSort s)
{
    for (const SortName &n : kSortNames)
        if (n.sort == s)
            return QLatin1String(n.name);
    return QStringLiteral("updated");
}

std::optional<BrowseSort> browseSortFromName(QStringView name)
{
    const QString n = name.trimmed().toString().toLower();
    for (const SortName &s : kSortNames)
        if (n == QLatin1String(s.name))
            return s.sort;
    return std::nullopt;
}

} // namespace kms
