// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <stdexcept>

namespace kms {

// A model folder that cannot be used: the message names the file and the problem. Thrown only
// while loading; the public load() functions catch it and hand the message back as a value.
class ModelError : public std::runtime_error
{
public:
    explicit ModelError(const QString &message)
        : std::runtime_error(message.toStdString()), m_message(message) {}
    const QString &message() const { return m_message; }

private:
    QString m_message;
};

} // namespace kms
