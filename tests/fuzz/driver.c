/*
 * driver.c: runs a fuzz target over files, without libFuzzer, so that
 * `make check` replays every seed and every crash kept as a regression
 * case with the ordinary compiler.  Usage: target FILE...
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
main(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		unsigned char *buf = NULL;
		size_t n = 0, cap = 0, r;

		if (f == NULL) {
			perror(argv[i]);
			return 1;
		}
		do {
			if (cap - n < 4096) {
				cap = cap ? cap * 2 : 8192;
				if ((buf = realloc(buf, cap)) == NULL)
					return 1;
			}
			r = fread(buf + n, 1, cap - n, f);
			n += r;
		} while (r > 0);
		fclose(f);
		LLVMFuzzerTestOneInput(buf, n);
		free(buf);
	}
	printf("%d inputs replayed\n", argc - 1);
	return 0;
}
