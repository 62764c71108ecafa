/**
 * Dead letters: the records a consumer gave up on ({@code <topic>-dlt}), listed for the
 * administrator and replayed to their original topic once the cause is fixed, each replay recorded.
 */
package org.carbonsink.support.deadletter;
