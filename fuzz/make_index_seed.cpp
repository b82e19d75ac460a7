// SPDX-License-Identifier: MIT
// Writes a tiny valid index file with the real VectorIndex::save, prefixed with fuzz_index_file's
// mode byte (3: keep the checksums and payload size consistent), as that target's seed:
//   make_index_seed <out-file> [count]
#include "index/VectorIndex.h"

#include <QFile>
#include <QTemporaryDir>

#include <cmath>
#include <cstdio>
#include <vector>

using namespace kms;

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s <out-file> [count]\n", argv[0]);
        return 2;
    }
    const int count = argc > 2 ? std::atoi(argv[2]) : 6;
    VectorIndex index(4, QStringLiteral("fuzz-4"), HnswParams{4, 8, 8}, 16);
    QString error;
    for (int i = 1; i <= count; ++i) {
        const float v[4] = {float(i), std::sin(float(i)), float(i % 3), 1.0f};
        if (!index.add(i, v, &error)) {
            std::fprintf(stderr, "add: %s\n", qPrintable(error));
            return 1;
        }
    }
    index.remove(2); // a deleted element, so the seed covers the deleted-mark path too
    QTemporaryDir dir;
    const QString tmp = dir.filePath(QStringLiteral("v.kidx"));
    if (!index.save(tmp, 42, &error)) {
        std::fprintf(stderr, "save: %s\n", qPrintable(error));
        return 1;
    }
    QFile in(tmp);
    QFile out(QString::fromLocal8Bit(argv[1]));
    if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        std::fprintf(stderr, "cannot copy the index to %s\n", argv[1]);
        return 1;
    }
    const QByteArray bytes = in.readAll();
    out.write("\x03", 1);
    out.write(bytes);
    std::printf("%s: %lld bytes\n", argv[1], static_cast<long long>(bytes.size() + 1));
    return 0;
}
