/** Test fixtures shared by the modules' tests (never a runtime dependency). */
package org.aybdb.testsupport;
