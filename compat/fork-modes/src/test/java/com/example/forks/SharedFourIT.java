package com.example.forks;

@SharedStack
class SharedFourIT extends UsesTheBox {
}
