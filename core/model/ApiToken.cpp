// SPDX-License-Identifier: MIT
#include "model/ApiToken.h"

namespace kms {

QString apiTokenScopeName(ApiTokenScope s)
{
    return s == ApiTokenScope::Write ? QStringLiteral("write") : QStringLiteral("read");
}

std::optional<ApiTokenScope> apiTokenScopeFromName(QStringView name)
{
    if (name == u"read")
        return ApiTokenScope::Read;
    if (name == u"write")
        return ApiTokenScope::Write;
    return std::nullopt;
}

} // namespace kms
