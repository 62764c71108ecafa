/** What every endpoint of the exchange shares on the web: the query parameters it refuses. */
package org.carbonsink.trading.web;
