package org.carbonsink.registry.ledger.web;

import org.carbonsink.registry.ledger.core.SerialRange;

record SerialRangeView(String serial, long first, long last, long quantity) {

    static SerialRangeView of(SerialRange range) {
        return range == null ? null : new SerialRangeView(range.serial(), range.first(), range.last(), range.quantity());
    }
}
