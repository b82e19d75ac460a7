// SPDX-License-Identifier: MIT
#pragma once

#include "config/RemoteEmbedderConfig.h"

#include <QByteArray>
#include <QStringList>

#include <span>

namespace kms {

// The request and response bodies of the three wire formats, kept apart from the transport so
// they can be tested on bytes alone.
struct EmbeddingRequest {
    QString path;      // appended to the base URL
    QByteArray body;   // JSON
};

EmbeddingRequest buildEmbeddingRequest(const RemoteEmbedderConfig &config, const QStringList &texts);

struct ParsedEmbeddings {
    bool ok = false;
    QString error;          // what was wrong with the answer, in words ("3 vectors for 4 inputs")
    qint64 promptTokens = -1; // as the server counted them, -1 when it does not say
};

// Reads `count` vectors of config.dimensions floats into out (count * dimensions floats), in input
// order, each L2-normalised (servers differ on whether they normalise; cosine search needs it).
// Refuses bad JSON, wrong counts, wrong dimensions, non-numbers and duplicate or missing indices.
ParsedEmbeddings parseEmbeddingResponse(const RemoteEmbedderConfig &config, const QByteArray &body,
                                        qsizetype count, std::span<float> out);

// What the server said went wrong, from an error body of any of the formats ({"error":{"message"}},
// {"error":"..."}, TEI's {"error","error_type"}), cut to a readable length. Empty when none.
QString serverErrorMessage(const QByteArray &body);

} // namespace kms
