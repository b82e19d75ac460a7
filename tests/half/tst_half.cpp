// SPDX-License-Identifier: MIT
// Half precision (half/Half.h): every value both ways, rounding, and the bulk conversions.
#include "half/Half.h"

#include <QRandomGenerator>
#include <QTest>

#include <cmath>
#include <cstring>
#include <vector>

using namespace kms;

class TestHalf : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Every one of the 65,536 half values widens alike in the portable code, the table and widen()
    // (the F16C instructions where this machine has them), and narrows back to itself.
    void everyHalfValue()
    {
        std::vector<uint16_t> all(65536);
        for (size_t h = 0; h < all.size(); ++h)
            all[h] = uint16_t(h);
        std::vector<float> wide(all.size());
        half::widen(all.data(), all.size(), wide.data());
        const float *table = half::table();
        for (int h = 0; h < 65536; ++h) {
            const float portable = half::fromHalf(uint16_t(h));
            if (std::isnan(portable)) {
                QVERIFY2(std::isnan(wide[size_t(h)]) && std::isnan(table[h]), qPrintable(QString::number(h, 16)));
                continue;
            }
            QVERIFY2(std::memcmp(&portable, &wide[size_t(h)], sizeof(float)) == 0, qPrintable(QString::number(h, 16)));
            QVERIFY2(std::memcmp(&portable, &table[h], sizeof(float)) == 0, qPrintable(QString::number(h, 16)));
            QCOMPARE(half::toHalf(portable), uint16_t(h));
        }
        qInfo("widen uses %s", half::hasF16c() ? "F16C" : "plain C++");
    }

    // Narrowing rounds to the nearest half, ties to even.
    void rounding()
    {
        QCOMPARE(half::toHalf(1.0f), uint16_t(0x3c00));
        QCOMPARE(half::toHalf(-2.0f), uint16_t(0xc000));
        QCOMPARE(half::toHalf(65504.0f), uint16_t(0x7bff));
        QCOMPARE(half::toHalf(1e6f), uint16_t(0x7c00));
        QCOMPARE(half::toHalf(1.0f + 1.0f / 2048), uint16_t(0x3c00)); // tie: to even
        QCOMPARE(half::toHalf(1.0f + 3.0f / 2048), uint16_t(0x3c02)); // tie: to even
        QCOMPARE(half::toHalf(1.0f + 1.5f / 2048), uint16_t(0x3c01));
        QCOMPARE(half::toHalf(std::ldexp(1.0f, -24)), uint16_t(0x0001)); // smallest subnormal
        QCOMPARE(half::toHalf(std::ldexp(1.0f, -25)), uint16_t(0x0000)); // tie: to even (zero)
        QCOMPARE(half::toHalf(std::ldexp(1.5f, -25)), uint16_t(0x0001));
        QCOMPARE(half::toHalf(std::ldexp(1023.0f, -24)), uint16_t(0x03ff)); // largest subnormal
        QCOMPARE(half::toHalf(std::ldexp(2047.0f, -25)), uint16_t(0x0400)); // rounds up to normal
        // Against the nearest value by search, for random floats of every magnitude a vector has.
        QRandomGenerator rng(7);
        for (int i = 0; i < 100000; ++i) {
            const float x = float(std::ldexp(rng.generateDouble() * 2 - 1, -int(rng.bounded(30))));
            const uint16_t h = half::toHalf(x);
            const double err = std::abs(double(half::fromHalf(h)) - x);
            for (int d : {-1, 1}) {
                const uint16_t n = uint16_t(h + d);
                if ((n & 0x7fff) < 0x7c00 && (n & 0x8000) == (h & 0x8000))
                    QVERIFY2(std::abs(double(half::fromHalf(n)) - x) >= err, qPrintable(QString::number(x)));
            }
        }
    }

    // narrow() and widen() on odd lengths and unaligned buffers, as blobs and hnswlib hand them over.
    void bulkAtAnyAlignment()
    {
        QRandomGenerator rng(3);
        for (size_t n : {size_t(1), size_t(7), size_t(8), size_t(9), size_t(255)}) {
            std::vector<float> in(n), back(n);
            for (float &x : in)
                x = float(rng.generateDouble() * 2 - 1);
            std::vector<unsigned char> bytes(2 * n + 1);
            half::narrow(in, bytes.data() + 1);
            half::widen(bytes.data() + 1, n, back.data());
            for (size_t i = 0; i < n; ++i) {
                uint16_t h;
                std::memcpy(&h, bytes.data() + 1 + 2 * i, sizeof h);
                QCOMPARE(h, half::toHalf(in[i]));
                QCOMPARE(back[i], half::fromHalf(h));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestHalf)
#include "tst_half.moc"
