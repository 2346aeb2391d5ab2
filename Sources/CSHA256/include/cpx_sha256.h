#ifndef CPX_SHA256_H
#define CPX_SHA256_H

#include <stddef.h>
#include <stdint.h>

/// 1 when this processor has the SHA extensions (and SSE4.1) the hardware path needs.
int cpx_sha256_hardware_available(void);

/// SHA-256 compression of `blocks` 64-byte blocks at `data` into `state` (a..h), with the
/// processor's SHA instructions. Call only when cpx_sha256_hardware_available() is 1.
void cpx_sha256_compress_hardware(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
