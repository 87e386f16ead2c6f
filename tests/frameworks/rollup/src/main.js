import { mount } from 'article-widget';

mount(document.getElementById('news'), { headingLevel: 2 });
