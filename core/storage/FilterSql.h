// SPDX-License-Identifier: MIT
#pragma once

#include "model/SearchFilters.h"

#include <QString>
#include <QVariantList>

namespace kms {

// SearchFilters as a SQL condition over the records table aliased `r`, with positional parameters
// (?) and their values in order (QString, qint64). Empty filters give "1".
struct FilterSql {
    QString where;
    QVariantList params;
};
FilterSql filterSql(const SearchFilters &filters);

} // namespace kms
