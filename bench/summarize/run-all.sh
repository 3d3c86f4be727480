#!/bin/sh
# Scores src/summarize on the three shared dev sets (run from the project root).
# Usage: sh bench/summarize/run-all.sh [extra rouge-cli args, e.g. --limit 500 --bootstrap 0]
R=../shared/tools/rouge/dist/cli.js
C=../shared/corpora/summarization
A=../shared/tools/rouge/adapters/lede.mjs
node $R --data $C/cnndm_see2017/dev.jsonl --summarizer $A "$@" | tail -7
node $R --data $C/bbc_news_summary/dev.jsonl --summarizer $A "$@" | tail -7
LEDE_SUMMARY_LANG=ko node $R --data $C/sci_news_sum_kr50/dev.jsonl --tokenizer unicode --summarizer $A "$@" | tail -7
