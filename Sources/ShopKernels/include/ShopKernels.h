#ifndef SHOP_KERNELS_H
#define SHOP_KERNELS_H

/// Hand-vectorised kernels for the hot loops Swift's baseline x86-64 code generation leaves
/// 4 wide. Each computes bit for bit what its reference computes (same operations in the
/// same order), so outputs do not depend on which path ran.

/// 1 when this CPU runs the kernels (x86-64 with AVX-512F, or with AVX2 and FMA), else 0.
/// Every kernel below may only be called when it is 1. The widest variant the CPU has runs;
/// all variants give the same bits.
int shop_log_sum_exp_available(void);

/// Floats per vector of the variant that runs: 16 (AVX-512F), 8 (AVX2) or 0 (none).
int shop_kernel_width(void);

/// For tests: run no variant wider than `width` floats (16 lifts the limit; 8, or less, makes an
/// AVX-512 CPU run the AVX2 variants). Returns `shop_kernel_width()` after. Not thread-safe.
int shop_kernels_limit(int width);

/// log Σ exp(p[k] + bias[k]) over k < n, as `PrefixStateCache.logSumExp` computes it:
/// p[k] += bias[k]; best = max; p[k] = fastExp(p[k] − best) (ShopNeural's polynomial);
/// best + logf(Σ p) with the sum in eight running lanes, the tail in lane 0, then
/// ((s0+s4)+(s1+s5))+((s2+s6)+(s3+s7)). Overwrites p. Only call when available.
float shop_log_sum_exp(float *p, const float *bias, long n);

/// Rows of `shop_output_log_normalisers`' scratch: it needs this many × v floats.
#define SHOP_OUTPUT_GROUP_ROWS 32

/// out[r·v + j] = Σ_i h[r·k + i] · wT[i·v + j] for r < rows, j < v: the logits of an output
/// layer whose weights are stored transposed (k × v), each a fused multiply-add chain over
/// i in order from zero, which is what OpenBLAS's sgemm gives (the copywriting LM's scores
/// must not change with the path; not every OpenBLAS kernel sums so: Zen's differs in a few
/// percent of entries). A row's values do not depend on the other rows.
void shop_output_logits(const float *h, long rows, long k, const float *wT, long v, float *out);

/// logZ[r] = `shop_log_sum_exp` of row r of `shop_output_logits` with `bias`, for r < rows,
/// 32 rows at a time through `scratch` (SHOP_OUTPUT_GROUP_ROWS × v floats): the output
/// layer's product and its normaliser without packing the weights for every block or
/// writing a block's logits out of cache.
void shop_output_log_normalisers(const float *h, long rows, long k, const float *wT, const float *bias, long v,
                                 float *scratch, float *logZ);

/// One LSTM step as ShopNeural's `LSTM.step` computes it after the copywriting LM's prefix
/// cache has its gates: gates = input + product (the token's row of embedding · W_ihᵀ, and
/// h_parent · W_hhᵀ), then sigmoid/tanh with `bias` added (ShopNeural's fastSigmoid and
/// fastTanh), c = f·cPrev + i·g, h = o·tanh(c). `product`, `input` and `bias` are 4H wide
/// ([i f g o]); H must be a multiple of 16.
void shop_lstm_cell(const float *product, const float *input, const float *bias, const float *cPrev,
                    float *c, float *h, long H);

/// out[i] = the float16 stored little-endian in bytes[2i], bytes[2i + 1], converted exactly
/// (F16C's vcvtph2ps where the CPU has it, else the reference below; the same bits apart
/// from a signalling NaN's quiet bit). Any CPU. Model files store float16 weights: converted
/// one by one through the compiler's soft routine they were an eighth of the README's
/// tagging command (0.43 → 0.37 s without it).
void shop_half_to_float(const unsigned char *bytes, float *out, long n);

/// `shop_half_to_float` one value at a time in portable C (what tests compare it with).
void shop_half_to_float_reference(const unsigned char *bytes, float *out, long n);

#endif
