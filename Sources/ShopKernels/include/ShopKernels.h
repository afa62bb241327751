#ifndef SHOP_KERNELS_H
#define SHOP_KERNELS_H

/// Hand-vectorised kernels for the hot loops Swift's baseline x86-64 code generation leaves
/// 4 wide. Each computes bit for bit what its Swift reference computes (same operations in
/// the same order, no fused multiply-add), so outputs do not depend on which path ran.

/// 1 when this CPU can run `shop_log_sum_exp` (x86-64 with AVX-512F), else 0.
int shop_log_sum_exp_available(void);

/// log Σ exp(p[k] + bias[k]) over k < n, as `PrefixStateCache.logSumExp` computes it:
/// p[k] += bias[k]; best = max; p[k] = fastExp(p[k] − best) (ShopNeural's polynomial);
/// best + logf(Σ p) with the sum in eight running lanes, the tail in lane 0, then
/// ((s0+s4)+(s1+s5))+((s2+s6)+(s3+s7)). Overwrites p. Only call when available.
float shop_log_sum_exp(float *p, const float *bias, long n);

#endif
