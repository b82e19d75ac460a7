// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QString>
#include <QTemporaryDir>

#include <functional>
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

// The variants the script writes: f32 weights with mean pooling, f16 with CLS, bf16 with max
// pooling and a cased tokenizer.
inline const QStringList kVariants = {QStringLiteral("mean_f32"), QStringLiteral("cls_f16"),
                                      QStringLiteral("max_bf16_cased")};

// Runs f and returns the ModelError message it threw, or "<no error>".
QString refusal(const std::function<void()> &f);
QByteArray readAll(const QString &path);
void writeAll(const QString &path, const QByteArray &bytes);
// Rewrites a .safetensors file with its header changed by edit; the data stays as it was.
void editSafetensorsHeader(const QString &path, const std::function<void(QJsonObject &)> &edit);
void editJson(const QString &path, const std::function<void(QJsonObject &)> &edit);

} // namespace kms::test
