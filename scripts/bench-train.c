/*
 * The seed network's training loop in plain C, for `npm run bench` (scripts/bench.ts compiles it with `cc -O2`):
 * 3-3-1, ReLU then logistic, C = (a2 - y)^2, SGD with one sample per step, the same equations and the same stable
 * logistic as the reference (src/reference/activationFunctions.ts), written the way a C programmer would.
 *
 * stdin: steps L, then the 16 parameters (W1 row-major, b1, W2, b2), then n and n samples (r g b y), then `steps`
 * sample indices, all as text (%.17g round-trips doubles exactly). stdout: the CPU time of the timed run in ms
 * (CLOCK_PROCESS_CPUTIME_ID, after one untimed warm-up run), then the 16 trained parameters.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double logistic(double z) {
  if (z >= 0) return 1 / (1 + exp(-z));
  double e = exp(z);
  return e / (1 + e);
}

static double logistic_derivative(double z) {
  double e = exp(-fabs(z));
  return e / ((1 + e) * (1 + e));
}

static void train(double *p, const double *x, const double *y, const int *order, int steps, double L) {
  double *W1 = p, *b1 = p + 9, *W2 = p + 12, *b2 = p + 15;
  for (int k = 0; k < steps; k++) {
    const double *xs = x + 3 * order[k];
    double z1[3], a1[3], d1[3], e1[3];
    for (int i = 0; i < 3; i++) {
      z1[i] = 0 + W1[3 * i] * xs[0] + W1[3 * i + 1] * xs[1] + W1[3 * i + 2] * xs[2] + b1[i];
      a1[i] = z1[i] > 0 ? z1[i] : 0;
      d1[i] = z1[i] > 0 ? 1 : 0;
    }
    double z2 = 0 + W2[0] * a1[0] + W2[1] * a1[1] + W2[2] * a1[2] + b2[0];
    double a2 = logistic(z2), d2 = logistic_derivative(z2);
    double e2 = 2 * (a2 - y[order[k]]) * d2;
    for (int i = 0; i < 3; i++) e1[i] = (0 + W2[i] * e2) * d1[i];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) W1[3 * i + j] = W1[3 * i + j] - L * (e1[i] * xs[j]);
      b1[i] = b1[i] - L * e1[i];
      W2[i] = W2[i] - L * (e2 * a1[i]);
    }
    b2[0] = b2[0] - L * e2;
  }
}

static double cpu_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

int main(void) {
  int steps, n;
  double L, params[16], p[16];
  if (scanf("%d %lf", &steps, &L) != 2) return 2;
  for (int i = 0; i < 16; i++) if (scanf("%lf", &params[i]) != 1) return 2;
  if (scanf("%d", &n) != 1 || n <= 0) return 2;
  double *x = malloc(sizeof(double) * 3 * n), *y = malloc(sizeof(double) * n);
  int *order = malloc(sizeof(int) * (steps > 0 ? steps : 1));
  for (int s = 0; s < n; s++) if (scanf("%lf %lf %lf %lf", &x[3 * s], &x[3 * s + 1], &x[3 * s + 2], &y[s]) != 4) return 2;
  for (int k = 0; k < steps; k++) if (scanf("%d", &order[k]) != 1 || order[k] < 0 || order[k] >= n) return 2;
  memcpy(p, params, sizeof p);
  train(p, x, y, order, steps, L); /* warm-up: caches, page faults */
  memcpy(p, params, sizeof p);
  double t0 = cpu_ms();
  train(p, x, y, order, steps, L);
  double ms = cpu_ms() - t0;
  printf("%.6f\n", ms);
  for (int i = 0; i < 16; i++) printf("%.17g\n", p[i]);
  return 0;
}
