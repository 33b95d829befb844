/**
 * The technicians' web UI shell for {@code medrec serve}: login (bcrypt accounts, throttled), security, the admin
 * pages. The review pages themselves are in {@code review}.
 */
package org.medrec.web;
