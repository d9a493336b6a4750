/**
 * Implementation details shared between packages of the core module. Not API: the module does not
 * export this package, and anything here may change without notice.
 */
@NullMarked
package dev.omnichannel.core.internal;

import org.jspecify.annotations.NullMarked;
