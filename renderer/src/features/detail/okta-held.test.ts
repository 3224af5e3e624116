import { describe, expect, it } from 'vitest';
import { heldText } from './okta-held';

describe('heldText', () => {
  it('says how long Okta held the event before sending the delivery, from eventTime', () => {
    expect(heldText(5316)).toEqual({
      text: 'Okta sent it 5316 ms later',
      title: expect.stringMatching(/^eventTime − published: how long Okta held the event/),
    });
  });

  it('says an eventTime before published is one, not a negative delay', () => {
    expect(heldText(-2000).text).toBe('eventTime is 2000 ms before it');
  });
});
