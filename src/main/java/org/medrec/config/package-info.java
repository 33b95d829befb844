/**
 * medrec's typed settings ({@code application.yml}, validated at start-up with the valid range in the message)
 * and the strict reading of what users edit under {@code jobs/} ({@link org.medrec.config.StrictYaml}).
 */
package org.medrec.config;
