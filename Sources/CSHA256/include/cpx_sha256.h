#ifndef CPX_SHA256_H
#define CPX_SHA256_H

#include <stddef.h>
#include <stdint.h>

/// The 64 round constants of SHA-256 (FIPS 180-4, 4.2.2), for both implementations.
const uint32_t *cpx_sha256_round_constants(void);

/// 1 when this processor has the SHA extensions (and SSE4.1) the hardware path needs.
int cpx_sha256_hardware_available(void);

/// SHA-256 compression of `blocks` 64-byte blocks at `data` into `state` (a..h), with the
/// processor's SHA instructions. Call only when cpx_sha256_hardware_available() is 1.
void cpx_sha256_compress_hardware(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
