/** The layering rules of the code base, checked as unit tests. */
package org.aybdb.architecture;
