/** JDBC helpers shared by the services: statements sent together in one round trip. */
package org.carbonsink.support.jdbc;
