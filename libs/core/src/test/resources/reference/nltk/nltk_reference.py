#!/usr/bin/python3
"""Reference values for the Java metric tests, computed once with NLTK (Debian's python3-nltk 3.8).

Command (from this folder):  /usr/bin/python3 nltk_reference.py > nltk_values.properties

Inputs: corpus.txt and heldout.txt, one pre-tokenised text per line (tokens separated by single spaces).
Outputs (java.util.Properties format):
  bleu4.<i> / bleu3.<i>  sentence_bleu of line i against all other lines, uniform weights, SmoothingFunction().method1
  selfbleu4 / selfbleu3   their means (Self-BLEU, Zhu et al. 2018)
  laplace2.perplexity     nltk.lm.Laplace(2) trained on corpus.txt, perplexity on heldout.txt
  lidstone3.perplexity    nltk.lm.Lidstone(0.5, 3) likewise
"""
from nltk.lm import Laplace, Lidstone
from nltk.lm.preprocessing import pad_both_ends, padded_everygram_pipeline
from nltk.translate.bleu_score import SmoothingFunction, sentence_bleu
from nltk.util import ngrams
import nltk


def read(path):
    with open(path, encoding="utf-8") as f:
        return [line.split(" ") for line in f.read().splitlines() if line.strip()]


corpus = read("corpus.txt")
held_out = read("heldout.txt")
smoothing = SmoothingFunction().method1
print("# computed by nltk_reference.py with NLTK", nltk.__version__)
for n in (4, 3):
    weights = (1.0 / n,) * n
    scores = []
    for i, hypothesis in enumerate(corpus):
        references = corpus[:i] + corpus[i + 1:]
        score = sentence_bleu(references, hypothesis, weights=weights, smoothing_function=smoothing)
        scores.append(score)
        print(f"bleu{n}.{i}={score!r}")
    print(f"selfbleu{n}={sum(scores) / len(scores)!r}")


def perplexity(model, order):
    train, vocab = padded_everygram_pipeline(order, corpus)
    model.fit(train, vocab)
    test = [g for sent in held_out for g in ngrams(pad_both_ends(sent, n=order), order)]
    return model.perplexity(test)


print(f"laplace2.perplexity={perplexity(Laplace(2), 2)!r}")
print(f"lidstone3.perplexity={perplexity(Lidstone(0.5, 3), 3)!r}")
