// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

#include <span>

namespace kms {

// Turns the matching-form tokens of a text into a fixed-size, L2-normalised vector.
// Implementations are immutable after construction and safe to call from many threads.
class Embedder
{
public:
    virtual ~Embedder() = default;

    // Name plus every parameter that changes the vectors, e.g. "hash-v1:d=256,w=1-2,c=3-5".
    // Recorded with every stored vector; an index made by another id is refused.
    virtual QString id() const = 0;
    virtual int dimension() const = 0;

    // Writes dimension() floats to out (out.size() must equal dimension()). An empty token list
    // gives the zero vector.
    virtual void embed(const QStringList &tokens, std::span<float> out) const = 0;
};

} // namespace kms
