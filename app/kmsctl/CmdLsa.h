// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

namespace kms {
class Engine;
}

namespace kms::cli {

struct Context;

// Switches an open engine to the named embedder provider ("hash": nothing to do; "lsa": train on
// its records and re-embed), printing progress unless quiet. False with *error on failure.
bool useEmbedder(const Context &ctx, Engine &engine, const QString &provider, int lsaRank, QString *error);

} // namespace kms::cli
