// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace kms::test {

// The tiny random BERT folders and NumPy reference outputs that make_tiny_bert.py writes.
struct TinyBert {
    std::unique_ptr<QTemporaryDir> dir;
    QJsonObject reference;   // reference.json
    QString error;           // why it could not be made (numpy missing, script failed)
    bool numpyMissing = false;

    QString variant(const QString &name) const { return dir->filePath(name); }
};

// Runs the script once per process and returns its output.
const TinyBert &tinyBert();

// Copies a variant's folder to a fresh temporary folder a test may damage.
std::unique_ptr<QTemporaryDir> copyOfVariant(const QString &name);

} // namespace kms::test
