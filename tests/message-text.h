/* message-text.h: a message written in a test, parsed by GMime. */
#ifndef MODORI_TEST_MESSAGE_TEXT_H
#define MODORI_TEST_MESSAGE_TEXT_H

#include <gmime/gmime.h>

/* @text parsed as a message by GMime's parser alone (no limits); the
 * test fails if there is none. */
GMimeMessage *test_message_from_text (const char *text);

#endif
