import { Anchor, type AnchorProps } from '@mantine/core';
import { createLink, type LinkComponent } from '@tanstack/react-router';
import { forwardRef, type AnchorHTMLAttributes } from 'react';

const MantineAnchor = forwardRef<HTMLAnchorElement, AnchorProps & AnchorHTMLAttributes<HTMLAnchorElement>>((props, ref) => <Anchor ref={ref} {...props} />);
const CreatedAnchorLink = createLink(MantineAnchor);

/**
 * A Mantine Anchor that is a router Link: `to` and `params` are checked against the route tree, and
 * Mantine's props (size, fw, c…) are accepted. (`<Anchor component={Link}>` loses the router's types;
 * a bare `createLink(Anchor)` loses Mantine's props.)
 */
export const AnchorLink: LinkComponent<typeof MantineAnchor> = (props) => <CreatedAnchorLink preload="intent" {...props} />;
