/** Tests of the container image: its entry point run from its unpacked layers. */
package org.aybdb.image;
