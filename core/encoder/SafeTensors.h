// SPDX-License-Identifier: MIT
#pragma once

#include <QFile>
#include <QString>
#include <QStringList>

#include <map>
#include <vector>

namespace kms {

// One tensor of a .safetensors file: where its bytes lie in the mapped file and how to read them.
struct SafeTensor {
    QString name;
    QString dtype;               // "F32", "F16", "BF16", "I64", ...
    std::vector<qint64> shape;
    const uchar *data = nullptr; // inside the mapping, not necessarily aligned
    qint64 bytes = 0;

    qint64 elements() const;
    QString shapeText() const;   // "[384, 1536]"
};

// A memory-mapped .safetensors file (8-byte little-endian header length, a JSON header
// {name: {dtype, shape, data_offsets}}, then raw little-endian data). Every offset, size and dtype
// is checked on open, so a truncated or hostile file is refused instead of read out of bounds.
// Throws ModelError naming the file and the problem.
class SafeTensorsFile
{
public:
    explicit SafeTensorsFile(const QString &path);
    SafeTensorsFile(const SafeTensorsFile &) = delete;
    SafeTensorsFile &operator=(const SafeTensorsFile &) = delete;

    const QString &path() const { return m_path; }
    QStringList names() const;
    const SafeTensor *find(const QString &name) const;

    // The tensor converted to f32 (from F32, F16 or BF16); other dtypes are refused.
    std::vector<float> toFloat(const SafeTensor &tensor) const;

private:
    QString m_path;
    QFile m_file;
    std::map<QString, SafeTensor> m_tensors;
};

} // namespace kms
