// SPDX-License-Identifier: MIT
#pragma once
// The embedder provider options that `embedder test`, `embedder set` and `eval` share. --model is
// the server's model name for openai and the model folder for bert; the prefixes apply to both.

#include "config/EngineConfig.h"

class QCommandLineParser;

namespace kms::cli {

// Adds the options (and, for the embedder commands, the PROVIDER argument).
void addProviderOptions(QCommandLineParser &parser, bool providerArgument);
// The PROVIDER argument, or the current provider when none is given.
QString providerArgument(const QCommandLineParser &p, const EngineConfig &current);
// The configuration the command line asks for: `current` with `provider` and the options given.
// Staying with the same provider keeps its other settings (`set openai --in-flight 4`). False with
// *error naming the option or key when an option is malformed or the result is invalid.
bool candidateFrom(const QCommandLineParser &p, const EngineConfig &current, const QString &provider, EngineConfig *c,
                   QString *error);
// Reads a whole-number option into *out when it is set; false with *error when it is not a number.
bool intOption(const QCommandLineParser &p, const char *name, int *out, QString *error);

} // namespace kms::cli
