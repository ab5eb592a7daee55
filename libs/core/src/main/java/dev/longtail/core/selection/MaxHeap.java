package dev.longtail.core.selection;

import java.util.Arrays;

/** Binary max-heap of (score, index) pairs: the lazy greedy's queue of units by gain. */
final class MaxHeap {

    private double[] scores = new double[64];
    private int[] indices = new int[64];
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    double topScore() {
        return scores[0];
    }

    int topIndex() {
        return indices[0];
    }

    void push(double score, int index) {
        if (size == scores.length) {
            scores = Arrays.copyOf(scores, size * 2);
            indices = Arrays.copyOf(indices, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (scores[parent] >= score) {
                break;
            }
            scores[i] = scores[parent];
            indices[i] = indices[parent];
            i = parent;
        }
        scores[i] = score;
        indices[i] = index;
    }

    void pop() {
        size--;
        if (size == 0) {
            return;
        }
        double score = scores[size];
        int index = indices[size];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && scores[child + 1] > scores[child]) {
                child++;
            }
            if (scores[child] <= score) {
                break;
            }
            scores[i] = scores[child];
            indices[i] = indices[child];
            i = child;
        }
        scores[i] = score;
        indices[i] = index;
    }
}
