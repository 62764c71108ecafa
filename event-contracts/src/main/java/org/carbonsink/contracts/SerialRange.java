package org.carbonsink.contracts;

/** An inclusive range of credit serial numbers; quantity = last - first + 1. */
public record SerialRange(String serial, long first, long last) {

    public long quantity() {
        return last - first + 1;
    }
}
